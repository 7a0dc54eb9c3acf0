import { describe, expect, it } from 'vitest';
import { articlesQualify, policy } from '@negiz/schema';
import { createRegistries } from '../src/cases.ts';
import { demoUsers } from '../src/users.ts';
import { createWorld, defaultWorld } from '../src/world.ts';

const world = defaultWorld();
const registries = createRegistries(world);
const users = demoUsers(world);

describe('case registries', () => {
  it('give every demo user an open and a closed case of every basis the role allows, and none of the others', () => {
    for (const user of users) {
      const allowed = policy().roles.get(user.role)!.bases;
      const mine = registries.cases.filter((c) => c.assigned[0] === user.login);
      for (const basis of allowed) {
        expect(
          mine.some((c) => c.basis === basis && c.status === 'OPEN'),
          `${user.login} ${basis} open`,
        ).toBe(true);
        expect(
          mine.some((c) => c.basis === basis && c.status === 'CLOSED'),
          `${user.login} ${basis} closed`,
        ).toBe(true);
      }
      expect(mine.every((c) => allowed.includes(c.basis))).toBe(true);
      if (allowed.includes('CRIMINAL')) {
        const open = mine.filter((c) => c.basis === 'CRIMINAL' && c.status === 'OPEN');
        expect(
          open.some((c) => articlesQualify(c.articles)),
          `${user.login} Chapter 8`,
        ).toBe(true);
        expect(
          open.some((c) => !articlesQualify(c.articles)),
          `${user.login} outside Chapter 8`,
        ).toBe(true);
      }
    }
  });

  it('number cases as the registers do (bases.yaml patterns), uniquely', () => {
    for (const c of registries.cases) expect(c.number, c.basis).toMatch(new RegExp(policy().basis(c.basis).number.pattern));
    expect(new Set(registries.cases.map((c) => `${c.basis}:${c.number}`)).size).toBe(registries.cases.length);
  });

  it('find a case by basis and number, and nothing under another basis or an unknown number', () => {
    const c = registries.cases.find((x) => x.basis === 'CIVIL')!;
    expect(registries.findCase('CIVIL', c.number)).toBe(c);
    expect(registries.findCase('ADMIN_COURT', c.number)).toBeUndefined();
    expect(registries.findCase('CRIMINAL', '000000000000000')).toBeUndefined();
  });

  it('put cases in the hands of the supervising prosecutor, the judge or the bailiff where they take part', () => {
    const investigatorCase = registries.casesOfUser('investigator.police').find((c) => c.basis === 'CRIMINAL')!;
    expect(investigatorCase.assigned).toEqual(['investigator.police', 'prosecutor.almaty']);
    expect(registries.casesOfUser('investigator.police2').some((c) => c.number === investigatorCase.number)).toBe(false);
    expect(registries.cases.filter((c) => c.basis === 'CIVIL').every((c) => c.assigned.includes('judge.almaty'))).toBe(true);
    expect(registries.cases.filter((c) => c.basis === 'ENFORCEMENT').every((c) => c.assigned.includes('bailiff.almaty'))).toBe(true);
  });

  it('list subjects that exist in the population, with closing dates after opening for closed cases', () => {
    for (const c of registries.cases) {
      expect(c.subjects.length).toBeGreaterThan(0);
      for (const s of c.subjects) expect('iin' in s ? world.person(s.iin) : world.legalEntity(s.bin)).toBeDefined();
      if (c.status === 'CLOSED') expect(c.closedOn! > c.openedOn).toBe(true);
      else expect(c.closedOn).toBeUndefined();
      expect(c.title.length).toBeGreaterThan(5);
    }
  });

  it('hold instructions (p.22) on criminal cases addressed to users who do not have the case', () => {
    expect(new Set(registries.instructions.map((i) => i.outgoingNumber)).size).toBe(registries.instructions.length);
    for (const i of registries.instructions) {
      const c = registries.findCase('CRIMINAL', i.caseNumber)!;
      expect(c).toBeDefined();
      expect(c.assigned).toContain(i.from);
      expect(c.assigned).not.toContain(i.to);
      expect(i.issuedOn >= c.openedOn).toBe(true);
      expect(registries.findInstruction(i.caseNumber, i.outgoingNumber)).toBe(i);
      expect(registries.instructionByNumber(i.outgoingNumber)).toBe(i);
      expect(registries.findInstruction('000000000000000', i.outgoingNumber)).toBeUndefined();
    }
    for (const login of ['investigator.police', 'investigator.knb', 'investigator.anticor', 'investigator.afm']) {
      expect(registries.instructionsTo(login).length, login).toBeGreaterThan(0);
    }
    const prosecutors = registries.instructions.filter((i) => i.from === 'prosecutor.almaty');
    expect(prosecutors.length).toBeGreaterThan(0);
    expect(registries.findCase('CRIMINAL', prosecutors[0]!.caseNumber)!.assigned).toContain('judge.almaty');
    expect(registries.instructions.some((i) => i.status === 'EXECUTED')).toBe(true);
  });

  it('are the same for the same seed', () => {
    const again = createRegistries(createWorld());
    expect(again.cases).toEqual(registries.cases);
    expect(again.instructions).toEqual(registries.instructions);
  });
});

describe('case registries of a tiny world', () => {
  it('still give every user their cases (subjects and officials are then shared)', () => {
    const tiny = createWorld({ persons: 7, legalEntities: 1 });
    const r = createRegistries(tiny);
    expect(r.casesOfUser('investigator.police').length).toBeGreaterThan(0);
    for (const c of r.cases) for (const s of c.subjects) expect('iin' in s ? tiny.person(s.iin) : tiny.legalEntity(s.bin)).toBeDefined();
  });
});
