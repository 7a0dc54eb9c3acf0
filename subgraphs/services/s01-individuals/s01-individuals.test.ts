import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { withCheckDigit } from '@negiz/mocks/identifiers.ts';
import { buildServiceSchema } from '../../src/schema.ts';
import { mockSource } from '../../src/source/mock.ts';
import individuals from './index.ts';

const world = defaultWorld();
const schema = buildServiceSchema(individuals, mockSource(individuals, world));
const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues, contextValue: {} });

const PERSON = `query($iin: IIN!) { person(iin: $iin) {
  iin fullName lastName firstName middleName birthDate sex citizenship lifeStatus deathDate
  registeredAddress { region city street house apartment postcode } identityDocument { type number issuedOn validUntil issuer }
} }`;

describe('s01 individuals: the person entry point', () => {
  it('answers the identity record of the world for an IIN', async () => {
    const person = world.personAt(7);
    const result = await run(PERSON, { iin: person.iin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.person).toMatchObject({
      iin: person.iin,
      lastName: person.lastName,
      firstName: person.firstName,
      birthDate: person.birthDate,
      sex: person.sex,
      citizenship: person.citizenship,
      lifeStatus: person.deathDate ? 'DECEASED' : 'ALIVE',
      registeredAddress: { region: person.address.region, city: person.address.city },
      identityDocument: { type: person.document.type, number: person.document.number, validUntil: person.document.validUntil },
    });
  });

  it('answers null for a well-formed IIN nobody has', async () => {
    // Same birth date and century digit as a real person, another serial number.
    const prefix = world.personAt(0).iin.slice(0, 7);
    let iin: string | undefined;
    for (let n = 9999; !iin || world.person(iin); n--) iin = withCheckDigit(`${prefix}${String(n).padStart(4, '0')}`);
    const result = await run(PERSON, { iin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.person).toBeNull();
  });

  it('refuses a malformed IIN with INVALID_IIN', async () => {
    const result = await run(PERSON, { iin: '123456789012' });
    expect(result.data?.person).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_IIN');
  });

  it('resolves Person references with the same record', async () => {
    const person = world.personAt(3);
    const result = await run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { fullName birthDate } } }', {
      r: [{ __typename: 'Person', iin: person.iin }],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ fullName: expect.stringContaining(person.lastName), birthDate: person.birthDate }]);
  });
});
