import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import legalEntities from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(legalEntities, mockSource(legalEntities, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

const FOUNDERS = `founders { founderIin founderBin sharePercent person { iin } company { bin name founders { founderBin company { bin founders { founderBin company { bin } } } } } }`;
const ENTITY = `query($bin: BIN!) { legalEntity(bin: $bin) { bin name legalForm registeredOn registrationStatus activity { code } directorIin director { iin } ${FOUNDERS} } }`;

describe('s02 legal entities: the legalEntity entry point', () => {
  it('answers the registration record of the world for a BIN', async () => {
    const entity = world.legalEntityAt(11);
    const result = await run(ENTITY, { bin: entity.bin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.legalEntity).toMatchObject({
      bin: entity.bin,
      name: entity.name,
      legalForm: entity.legalForm,
      registeredOn: entity.registeredOn,
      registrationStatus: entity.status,
      activity: { code: entity.activity.code },
      directorIin: entity.directorIin,
      director: { iin: entity.directorIin },
    });
    const founders = (result.data?.legalEntity as { founders: Array<{ sharePercent: number }> }).founders;
    expect(founders.map((f) => f.sharePercent)).toEqual(entity.founders.map((f) => f.sharePercent));
  });

  it('nests founder companies two levels deep and keeps only the BIN below', async () => {
    // A company whose founder company itself has a company founder: the chain is cut at the third level.
    const deep = Array.from({ length: world.legalEntityCount }, (_, i) => world.legalEntityAt(i)).find((e) =>
      e.founders.some((f) => f.bin && world.legalEntity(f.bin)?.founders.some((g) => g.bin && world.legalEntity(g.bin)?.founders.some((h) => h.bin))),
    );
    expect(deep).toBeDefined();
    const result = await run(ENTITY, { bin: deep!.bin });
    expect(result.errors).toBeUndefined();
    type Founder = { founderBin: string | null; company: { founders: Founder[] } | null };
    const level1 = (result.data?.legalEntity as { founders: Founder[] }).founders.find((f) =>
      f.company?.founders.some((g) => g.company?.founders.some((h) => h.founderBin)),
    );
    const level3 = level1!.company!.founders.flatMap((g) => g.company?.founders ?? []).find((h) => h.founderBin);
    expect(level3).toEqual({ founderBin: expect.any(String), company: null });
  });

  it('refuses a malformed BIN with INVALID_BIN', async () => {
    const malformed = await run(ENTITY, { bin: '000000000001' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('INVALID_BIN');
  });
});
