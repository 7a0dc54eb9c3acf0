import type { LegalEntityRecord, World } from '@negiz/mocks/model.ts';

/**
 * The legal entities that produce or trade petroleum products. Services 73 and 74 are two versions of the same
 * declaration (version 2 up to December 2021, version 3 from January 2022), so both ask the same question.
 */
export function tradesPetroleum(world: World, entity: LegalEntityRecord): boolean {
  if (entity.legalForm === 'PUBLIC_ASSOCIATION' || entity.legalForm === 'STATE_ENTERPRISE') return false;
  return world.rng('s73-s74', entity.bin).chance(0.06);
}

/** The last month reported on version 2 of the form; version 3 starts the month after. */
export const PETROLEUM_V2_UNTIL = '2022-01-01';
