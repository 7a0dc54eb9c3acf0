import type { LegalEntityRecord, Random, World } from '@negiz/mocks/model.ts';

/**
 * A legal entity of the world other than `exceptBin`, for the other side of a transaction, preferring one that
 * `prefer` accepts (a state customer, an employer...) when a few draws find one; undefined if the world has none.
 */
export function anotherLegalEntity(
  world: World,
  r: Random,
  exceptBin?: string,
  prefer?: (entity: LegalEntityRecord) => boolean,
): LegalEntityRecord | undefined {
  let fallback: LegalEntityRecord | undefined;
  for (let attempt = 0; attempt < (prefer ? 12 : 4) && world.legalEntityCount > 0; attempt++) {
    const entity = world.legalEntityAt(r.int(0, world.legalEntityCount - 1));
    if (entity.bin === exceptBin) continue;
    if (!prefer || prefer(entity)) return entity;
    fallback ??= entity;
  }
  return fallback;
}
