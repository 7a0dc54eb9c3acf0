/**
 * Flags for the supervisors' monthly review (p.10): patterns worth a question, each with its reason. The
 * journal knows the entries; who is in a case, who is related to whom and who is called what come from the
 * registries, passed in as functions (cases: the basis stage's registry; relatives: civil status, service 32).
 */
import type { FlagCode, ReportRow } from './types.ts';

type MaybePromise<T> = T | Promise<T>;

export interface FlagOptions {
  /** Identifiers (IIN/BIN values) of the people and companies in a case; undefined when unknown. */
  caseSubjects?: (basis: { type: string; number: string }) => MaybePromise<readonly string[] | undefined>;
  /** The user's own IIN and surname, from the user registry. */
  personOf?: (login: string) => MaybePromise<{ iin?: string; surname?: string } | undefined>;
  /** IINs of the person's relatives (civil-status links: spouse, parents, children, siblings). */
  relativesOf?: (iin: string) => MaybePromise<readonly string[]>;
  /** A person's surname (population register). */
  surnameOf?: (iin: string) => MaybePromise<string | undefined>;
  /** Local working hours, [start, end) hours, and working days (1 = Monday ... 7 = Sunday). */
  workingHours?: { start: number; end: number; days: readonly number[] };
  /** Distinct users on one subject within the report from which it is a cluster (default 3). */
  clusterUsers?: number;
  /** Distinct subjects per user per local day from which it is flagged (default 30). */
  subjectsPerDay?: number;
  /** A refusal followed by a release about the same subject within this many minutes (default 60). */
  retryWindowMinutes?: number;
}

const subjectLabel = (kind: string): string => (kind === 'IIN' ? 'person' : kind === 'BIN' ? 'company' : kind.toLowerCase());

export async function flagRows(rows: ReportRow[], options: FlagOptions = {}): Promise<ReportRow[]> {
  const hours = options.workingHours ?? { start: 9, end: 19, days: [1, 2, 3, 4, 5] };
  const clusterUsers = options.clusterUsers ?? 3;
  const perDay = options.subjectsPerDay ?? 30;
  const retryMs = (options.retryWindowMinutes ?? 60) * 60_000;
  const add = (row: ReportRow, code: FlagCode, reason: string): void => {
    if (!row.flags.some((f) => f.code === code)) row.flags.push({ code, reason });
  };
  const caseCache = new Map<string, Promise<readonly string[] | undefined>>();
  const personCache = new Map<string, Promise<{ iin?: string; surname?: string } | undefined>>();
  const relativesCache = new Map<string, Promise<readonly string[]>>();
  const surnameCache = new Map<string, Promise<string | undefined>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, load: () => MaybePromise<T>): Promise<T> => {
    let hit = cache.get(key);
    if (!hit) {
      hit = Promise.resolve().then(load);
      cache.set(key, hit);
    }
    return hit;
  };

  const lookups = rows.filter((r) => r.operation.kind === 'query' || r.operation.kind === 'subscription');
  for (const row of lookups) {
    const subjects = row.subjects ?? [];
    const local = row.localTime;
    const hour = Number(local.slice(11, 13));
    const day = ((new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (!hours.days.includes(day) || hour < hours.start || hour >= hours.end) {
      add(
        row,
        'OUTSIDE_WORKING_HOURS',
        `request at ${local.slice(11, 16)} local time on a ${['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][day]}, outside working hours`,
      );
    }
    if (options.caseSubjects && row.basisType && row.basisNumber) {
      const inCase = await memo(caseCache, `${row.basisType}:${row.basisNumber}`, () =>
        options.caseSubjects!({ type: row.basisType!, number: row.basisNumber! }),
      );
      const outside = inCase ? subjects.filter((s) => (s.kind === 'IIN' || s.kind === 'BIN') && !inCase.includes(s.value)) : [];
      if (outside.length > 0)
        add(
          row,
          'SUBJECT_NOT_IN_CASE',
          `${outside.length} ${subjectLabel(outside[0]!.kind)}(s) asked about do not appear in the materials of the ${row.basisType} case`,
        );
    }
    if (row.login && options.personOf) {
      const me = await memo(personCache, row.login, () => options.personOf!(row.login!));
      const iins = subjects.filter((s) => s.kind === 'IIN').map((s) => s.value);
      if (me?.iin && iins.includes(me.iin)) add(row, 'SELF_LOOKUP', 'the user asked about themselves');
      if (me?.iin && options.relativesOf) {
        const relatives = await memo(relativesCache, me.iin, () => options.relativesOf!(me.iin!));
        if (iins.some((iin) => relatives.includes(iin))) add(row, 'RELATIVE_LOOKUP', 'the user asked about a relative (civil-status link)');
      }
      if (me?.surname && options.surnameOf) {
        for (const iin of iins) {
          if (iin === me.iin) continue;
          const surname = await memo(surnameCache, iin, () => options.surnameOf!(iin));
          if (surname && surname.toLocaleLowerCase('kk') === me.surname.toLocaleLowerCase('kk')) {
            add(row, 'SAME_SURNAME', 'the user asked about a person sharing their surname');
            break;
          }
        }
      }
    }
  }

  // The body's HR system told us of an order more than 24 hours after it was signed (p.14, p.15).
  for (const row of rows) {
    if (row.operation.kind === 'account' && row.note?.late) {
      add(
        row,
        'LATE_HR_NOTICE',
        `the HR notice of order ${row.note.document ?? ''} arrived ${row.note.late} hours after the order's date (the order allows 24)`,
      );
    }
  }

  // Patterns across rows.
  const usersBySubject = new Map<string, Set<string>>();
  const subjectsByUserDay = new Map<string, Set<string>>();
  for (const row of lookups) {
    if (!row.login) continue;
    for (const s of row.subjects ?? []) {
      const key = `${s.kind}:${s.value}`;
      usersBySubject.set(key, (usersBySubject.get(key) ?? new Set()).add(row.login));
      const dayKey = `${row.login}|${row.localTime.slice(0, 10)}`;
      subjectsByUserDay.set(dayKey, (subjectsByUserDay.get(dayKey) ?? new Set()).add(key));
    }
  }
  const lastRefusal = new Map<string, ReportRow>();
  for (const row of [...lookups].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id - b.id)) {
    if (!row.login) continue;
    for (const s of row.subjects ?? []) {
      const key = `${s.kind}:${s.value}`;
      const users = usersBySubject.get(key)!;
      if (users.size >= clusterUsers)
        add(row, 'CLUSTER_ON_SUBJECT', `${users.size} different users asked about the same ${subjectLabel(s.kind)} in this period`);
      const refusedKey = `${row.login}|${key}`;
      if (row.outcome === 'REFUSED') lastRefusal.set(refusedKey, row);
      else if (row.outcome === 'RELEASED' || row.outcome === 'PARTIAL') {
        const refused = lastRefusal.get(refusedKey);
        if (refused && Date.parse(row.receivedAt) - Date.parse(refused.receivedAt) <= retryMs) {
          add(
            row,
            'REFUSED_THEN_RETRIED',
            `released after entry ${refused.id} about the same ${subjectLabel(s.kind)} was refused (${refused.refusal ?? 'refused'})${refused.basisNumber !== row.basisNumber ? ' under another basis' : ''}`,
          );
        }
      }
    }
    const count = subjectsByUserDay.get(`${row.login}|${row.localTime.slice(0, 10)}`)?.size ?? 0;
    if (count >= perDay) add(row, 'MANY_SUBJECTS_PER_DAY', `${count} distinct subjects asked about by this user on ${row.localTime.slice(0, 10)}`);
  }
  return rows;
}
