/**
 * The journal read back (p.10, p.44, seed 000): an organisation's requests over a period, "who looked at this
 * person" across organisations, and the citizen's own disclosure (dates, body, basis type: never the employee).
 */
import type { SubjectRef } from './contract.ts';
import type { PersonalPart, SealedPart } from './encoding.ts';
import type { JournalStore } from './store.ts';
import { toNumber } from './store.ts';
import type { CitizenDisclosureRow, ReportFilter, ReportRow } from './types.ts';

const SELECT = `select e.id, e.body, p.body as personal, p.destroyed_at
  from journal_entries e left join journal_personal p on p.entry_id = e.id`;

export async function organisationReport(store: JournalStore, filter: ReportFilter): Promise<ReportRow[]> {
  const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
  const cursor = parseCursor(filter.after);
  const { rows } = await store.db.query<RawRow>(
    `${SELECT}
     where e.organisation = $1 and e.received_at >= $2 and e.received_at < $3
       and ($4::text is null or p.login = $4)
       and ($5::text is null or e.basis_type = $5)
       and ($6::text is null or p.basis_number = $6)
       and ($7::text is null or $7 = any(e.services))
       and ($8::text is null or e.outcome = $8)
       and (e.received_at, e.id) > ($9::timestamptz, $10::bigint)
     order by e.received_at, e.id limit $11`,
    [
      filter.organisation,
      filter.from.toISOString(),
      filter.to.toISOString(),
      filter.login ?? null,
      filter.basisType ?? null,
      filter.basisNumber ?? null,
      filter.service ?? null,
      filter.outcome ?? null,
      cursor.receivedAt,
      cursor.id,
      limit,
    ],
  );
  return rows.map(reportRow);
}

/** The keyset cursor of a report page: the last row's time and id. */
export const reportCursor = (row: ReportRow): string => `${row.receivedAt}_${row.id}`;

function parseCursor(after: string | undefined): { receivedAt: string; id: number } {
  if (!after) return { receivedAt: '-infinity', id: -1 };
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d+)$/.exec(after);
  if (!match) throw new RangeError('report cursor: expected the `next` value of the previous page');
  return { receivedAt: match[1]!, id: Number(match[2]) };
}

/** Every entry that asked about the subject ("IIN:..."), across organisations, newest first. */
export async function subjectLookup(store: JournalStore, subject: SubjectRef, options: { limit?: number } = {}): Promise<ReportRow[]> {
  const { rows } = await store.db.query<RawRow>(`${SELECT} where p.subjects @> array[$1]::text[] order by e.id desc limit $2`, [
    `${subject.kind}:${subject.value}`,
    Math.min(options.limit ?? 1000, 10_000),
  ]);
  return rows.map(reportRow);
}

/** The data subject's view: consultations that released data about them, without who made them. */
export async function citizenDisclosure(store: JournalStore, iin: string): Promise<CitizenDisclosureRow[]> {
  const rows = await subjectLookup(store, { kind: 'IIN', value: iin }, { limit: 10_000 });
  return rows
    .filter((r) => (r.outcome === 'RELEASED' || r.outcome === 'PARTIAL') && (r.operation.kind === 'query' || r.operation.kind === 'subscription'))
    .map((r) => ({ date: r.localTime.slice(0, 10), requestingBody: r.organisation, basisType: r.basisType }))
    .reverse();
}

interface RawRow {
  id: unknown;
  body: string;
  personal: string | null;
  destroyed_at: unknown;
}

export function localTime(iso: string, offset: string): string {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(Date.parse(iso) + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return `${shifted.toISOString().slice(0, 23)}${offset}`;
}

function reportRow(raw: RawRow): ReportRow {
  const sealed = JSON.parse(raw.body) as SealedPart;
  const personal = raw.personal ? (JSON.parse(raw.personal) as PersonalPart) : undefined;
  return {
    id: toNumber(raw.id),
    receivedAt: sealed.receivedAt,
    localTime: localTime(sealed.receivedAt, sealed.utcOffset),
    login: personal?.login ?? null,
    role: sealed.user.role,
    organisation: sealed.user.organisation,
    client: sealed.client,
    basisType: sealed.basis?.type ?? null,
    basisNumber: personal?.basisNumber ?? null,
    verification: sealed.basis?.verification ?? null,
    instruction: personal?.instruction ?? null,
    reason: personal?.reason ?? null,
    operation: sealed.operation,
    subjects: personal?.subjects ?? null,
    servicesCalled: sealed.servicesCalled,
    withheld: sealed.withheld,
    outcome: sealed.outcome,
    refusal: sealed.refusal ?? null,
    recordCounts: sealed.recordCounts,
    durationMs: sealed.durationMs,
    ...(sealed.note ? { note: sealed.note } : {}),
    destroyed: raw.destroyed_at != null || !personal,
    flags: [],
  };
}

const CSV_COLUMNS = [
  'id',
  'localTime',
  'login',
  'role',
  'organisation',
  'client',
  'basisType',
  'basisNumber',
  'verification',
  'instruction',
  'reason',
  'operation',
  'subjects',
  'services',
  'outcome',
  'refusal',
  'records',
  'durationMs',
  'flags',
] as const;

export function reportCsv(rows: readonly ReportRow[]): string {
  const cell = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    // Quote everything that could break a row; prefix formulas so spreadsheets do not execute them.
    const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = rows.map((r) =>
    [
      r.id,
      r.localTime,
      r.login ?? (r.destroyed ? '(destroyed)' : ''),
      r.role,
      r.organisation,
      `${r.client.kind}:${r.client.id}`,
      r.basisType,
      r.basisNumber,
      r.verification,
      r.instruction,
      r.reason,
      r.operation.name ?? r.operation.kind,
      (r.subjects ?? []).map((s) => `${s.kind}:${s.value}`).join(' '),
      r.servicesCalled.join(' '),
      r.outcome,
      r.refusal,
      Object.entries(r.recordCounts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
      r.durationMs,
      r.flags.map((f) => f.code).join(' '),
    ]
      .map(cell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
