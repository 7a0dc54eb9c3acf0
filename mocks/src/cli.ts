/**
 * `negiz mocks ...`: the demo users and their cases, and a look at one synthetic person, so a developer can pick a
 * login, a case number and a subject for a query.
 */
import type { Command } from 'commander';
import { createRegistries, type CaseRecord, type InstructionRecord } from './cases.ts';
import { isValidIin } from '@negiz/schema';
import type { World } from './model.ts';
import { demoUser, demoUsers } from './users.ts';
import { defaultWorld } from './world.ts';

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const subjectText = (s: CaseRecord['subjects'][number]) => ('iin' in s ? `IIN ${s.iin}` : `BIN ${s.bin}`);

export interface UserCase extends CaseRecord {
  /** How the case is in the user's hands: assigned to them, or through an instruction addressed to them (p.22). */
  via: 'ASSIGNED' | 'INSTRUCTION';
  instruction?: Pick<InstructionRecord, 'outgoingNumber' | 'from' | 'issuedOn' | 'status'>;
}

/** The user's cases: those assigned to them, then those an instruction addressed to them opens. */
export function userCases(world: World, login: string): UserCase[] {
  const registries = createRegistries(world);
  const own: UserCase[] = registries.casesOfUser(login).map((c) => ({ ...c, via: 'ASSIGNED' }));
  const instructed: UserCase[] = registries.instructionsTo(login).flatMap((i) => {
    const c = registries.cases.find((x) => x.basis === 'CRIMINAL' && x.number === i.caseNumber);
    return c
      ? [{ ...c, via: 'INSTRUCTION' as const, instruction: { outgoingNumber: i.outgoingNumber, from: i.from, issuedOn: i.issuedOn, status: i.status } }]
      : [];
  });
  return [...own, ...instructed];
}

export function registerMocksCommands(program: Command, world: () => World = defaultWorld): void {
  const cmd = program.command('mocks').description('the synthetic population: demo users, their cases, persons');

  cmd
    .command('users')
    .description('demo users: login, full name, role of Appendix 1 (1-21), organisation, account status')
    .option('--json', 'machine-readable JSON')
    .action((opts: { json?: boolean }) => {
      const users = demoUsers(world());
      if (opts.json) {
        console.log(JSON.stringify(users, null, 2));
        return;
      }
      console.log(
        table(
          ['login', 'role', 'status', 'full name', 'organisation'],
          users.map((u) => [u.login, String(u.role), u.status, u.fullName, u.organisation]),
        ),
      );
    });

  cmd
    .command('cases')
    .description("a demo user's cases (assigned to them or opened to them by an instruction): number, basis, status, articles, subjects")
    .requiredOption('--user <login>', 'demo user login (see `negiz mocks users`)')
    .option('--json', 'machine-readable JSON')
    .action((opts: { user: string; json?: boolean }) => {
      const w = world();
      if (!demoUser(w, opts.user)) {
        cmd.error(`negiz: unknown user "${opts.user}" (run \`negiz mocks users\` for the demo logins)`, { code: 'negiz.unknownUser', exitCode: 2 });
      }
      const cases = userCases(w, opts.user);
      if (opts.json) {
        console.log(JSON.stringify(cases, null, 2));
        return;
      }
      if (!cases.length) {
        console.log(`${opts.user} has no cases (the role may use no legal basis)`);
        return;
      }
      console.log(
        table(
          ['basis', 'number', 'status', 'articles', 'via', 'subjects', 'title'],
          cases.map((c) => [
            c.basis,
            c.number,
            c.status,
            c.articles?.join(', ') ?? '',
            c.via === 'INSTRUCTION' ? `instruction ${c.instruction!.outgoingNumber}` : 'assigned',
            c.subjects.map(subjectText).join(', '),
            c.title,
          ]),
        ),
      );
    });

  cmd
    .command('person')
    .description('one synthetic person with their family, companies and property, as the mock services see them')
    .argument('<iin>', 'IIN of a person of the population (12 digits)')
    .option('--json', 'machine-readable JSON')
    .action((iin: string, opts: { json?: boolean }) => {
      if (!isValidIin(iin)) cmd.error('negiz: not a valid IIN (12 digits with a valid birth date, century/sex digit and check digit)', { exitCode: 2 });
      const w = world();
      const person = w.person(iin);
      if (!person) cmd.error('negiz: no person with this IIN in the synthetic population', { exitCode: 2 });
      const dossier = {
        person,
        family: w.family(iin),
        companies: w.companiesOf(iin),
        vehicles: w.vehiclesOf({ iin }),
        weapons: w.weaponsOf(iin),
        realEstate: w.realEstateOf({ iin }),
        landPlots: w.landPlotsOf({ iin }),
      };
      if (opts.json) {
        console.log(JSON.stringify(dossier, null, 2));
        return;
      }
      const p = person!;
      const lines = [
        `${p.lastName} ${p.firstName} ${p.middleName ?? ''} (${p.latinName}), ${p.sex === 'MALE' ? 'male' : 'female'}, born ${p.birthDate}${p.deathDate ? `, died ${p.deathDate}` : ''}`,
        `citizenship ${p.citizenship}, ${p.address.city}, ${p.address.street} ${p.address.house}${p.address.apartment ? `-${p.address.apartment}` : ''}`,
        `family: spouse ${dossier.family.spouse ?? '-'}; parents ${dossier.family.parents.join(', ') || '-'}; children ${dossier.family.children.join(', ') || '-'}`,
        `companies: ${dossier.companies.map((c) => `${c.role} ${c.bin}`).join(', ') || '-'}`,
        `vehicles: ${dossier.vehicles.map((v) => `${v.make} ${v.model} ${v.plate} VIN ${v.vin}${v.stolen ? ' STOLEN' : ''}${v.arrested ? ' ARRESTED' : ''}`).join('; ') || '-'}`,
        `weapons: ${dossier.weapons.map((x) => `${x.model} ${x.serialNumber}${x.wanted ? ' WANTED' : ''}`).join('; ') || '-'}`,
        `real estate: ${dossier.realEstate.map((r) => `${r.kind} ${r.cadastralNumber}${r.arrested ? ' ARRESTED' : ''}`).join('; ') || '-'}`,
        `land plots: ${dossier.landPlots.map((l) => `${l.cadastralNumber} ${l.areaHa} ha${l.encumbered ? ' ENCUMBERED' : ''}`).join('; ') || '-'}`,
      ];
      console.log(lines.join('\n'));
    });
}
