/** The flags' registries in development come from the synthetic world: cases, the user as a person, families. */
import { describe, expect, it } from 'vitest';
import { createRegistries, defaultWorld, demoUser } from '@negiz/mocks';
import { flagRows, type ReportRow } from '@negiz/journal';
import { worldFlags } from '../../src/development/world-flags.ts';

const world = defaultWorld();
const flags = worldFlags(world);
const me = demoUser(world, 'investigator.police')!;

function row(subjects: ReportRow['subjects'], basis: { type: string; number: string }): ReportRow {
  return {
    id: 1,
    receivedAt: '2026-11-02T05:00:00.000Z',
    localTime: '2026-11-02T10:00:00.000+05:00',
    login: me.login,
    role: 3,
    organisation: me.organisation,
    client: { kind: 'PORTAL', id: 'portal' },
    basisType: basis.type,
    basisNumber: basis.number,
    verification: 'VERIFIED',
    instruction: null,
    reason: null,
    operation: { documentHash: 'h', kind: 'query' } as ReportRow['operation'],
    subjects,
    servicesCalled: ['s01-individuals'],
    withheld: [],
    outcome: 'RELEASED',
    refusal: null,
    recordCounts: {},
    durationMs: 1,
    destroyed: false,
    flags: [],
  };
}

describe('worldFlags', () => {
  const myCase = createRegistries(world)
    .casesOfUser(me.login)
    .find((c) => c.status === 'OPEN')!;
  const basis = { type: myCase.basis, number: myCase.number };

  it('knows the user as a person of the population and the subjects of their case', async () => {
    expect(await flags.personOf!(me.login)).toEqual({ iin: me.iin, surname: world.person(me.iin)!.lastName });
    const inCase = await flags.caseSubjects!(basis);
    expect(inCase).toEqual(myCase.subjects.map((s) => ('iin' in s ? s.iin : s.bin)));
  });

  it('flags a look-up of oneself, of a relative (civil-status links) and of a subject outside the case', async () => {
    const f = world.family(me.iin);
    const relative = f.spouse ?? f.parents[0] ?? f.children[0] ?? f.siblings[0];
    const rows = await flagRows([row([{ kind: 'IIN', value: me.iin }], basis), ...(relative ? [row([{ kind: 'IIN', value: relative }], basis)] : [])], flags);
    expect(rows[0]!.flags.map((x) => x.code)).toEqual(expect.arrayContaining(['SELF_LOOKUP', 'SUBJECT_NOT_IN_CASE']));
    if (relative) expect(rows[1]!.flags.map((x) => x.code)).toContain('RELATIVE_LOOKUP');
    const inCaseIin = myCase.subjects.find((s): s is { iin: string } => 'iin' in s)!.iin;
    const clean = await flagRows([row([{ kind: 'IIN', value: inCaseIin }], basis)], flags);
    expect(clean[0]!.flags.map((x) => x.code)).not.toContain('SUBJECT_NOT_IN_CASE');
  });
});
