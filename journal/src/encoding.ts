/**
 * How one journal entry becomes a Merkle leaf. The entry is split in two (p.48):
 * - the sealed part (no personal data): sequence number, time, role, organisation, client, basis type and outcome,
 *   operation hash, services, withheld fields, counts, and `personal`: hex SHA-256(salt || canonical(personal part));
 * - the personal part: login, subjects, basis number, instruction, reason, case number.
 * The leaf bytes are canonicalJson(sealed). Destroying the personal part (and its salt) leaves the commitment, so the
 * tree still verifies, and the 16-byte random salt keeps anyone from confirming a guessed IIN against the hash.
 */
import { hash, randomFillSync } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import type { JournalEntryInput, SubjectRef } from './contract.ts';

export const ENCODING_VERSION = 1;

export interface PersonalPart {
  login: string;
  subjects: SubjectRef[];
  basisNumber?: string;
  instruction?: string;
  reason?: string;
  caseNumber?: string;
}

export interface SealedPart {
  v: number;
  seq: number;
  requestId: string;
  receivedAt: string;
  utcOffset: string;
  user: { role: number; organisation: string };
  client: { kind: string; id: string };
  basis: { type: string; verification: string; instruction: boolean; reason: boolean } | null;
  operation: { name?: string; documentHash: string; persistedId?: string; kind: string };
  servicesCalled: string[];
  withheld: JournalEntryInput['withheld'];
  outcome: string;
  refusal?: string;
  recordCounts: Record<string, number>;
  durationMs: number;
  /** Hex SHA-256(salt || canonical(personal)). */
  personal: string;
  /** Extra non-personal facts of special entries (destruction: how many entries). */
  note?: Record<string, string | number>;
}

export interface EncodedEntry {
  sealed: SealedPart;
  /** UTF-8 leaf bytes: canonicalJson(sealed). */
  body: string;
  personal: PersonalPart;
  personalBody: string;
  salt: Buffer;
}

/** Salts come from a pooled random buffer: one getrandom call per 4,096 entries instead of one per entry. */
let saltPool = Buffer.alloc(0);
let saltOffset = 0;
export function freshSalt(): Buffer {
  if (saltOffset + 16 > saltPool.length) {
    saltPool = randomFillSync(Buffer.allocUnsafe(16 * 4096));
    saltOffset = 0;
  }
  const salt = Buffer.from(saltPool.subarray(saltOffset, saltOffset + 16));
  saltOffset += 16;
  return salt;
}

export function personalPartOf(entry: JournalEntryInput): PersonalPart {
  return {
    login: entry.user.login,
    subjects: entry.subjects.map((s) => ({ kind: s.kind, value: s.value })),
    basisNumber: entry.basis?.number,
    instruction: entry.basis?.instruction,
    reason: entry.basis?.reason ?? entry.reason,
    caseNumber: entry.caseNumber,
  };
}

export function personalCommitment(salt: Buffer, personalBody: string): string {
  return hash('sha256', Buffer.concat([salt, Buffer.from(personalBody)]), 'hex');
}

/** "+05:00" for a whole-minute offset east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Everything of an entry but its sequence number, done when the entry is queued (outside the append lock, while
 * the previous batch is committing): sealing it later is one string concatenation and one hash.
 */
export interface PreparedEntry {
  sealed: SealedPart;
  /** The canonical body around the `"seq":` value. */
  before: string;
  after: string;
  personal: PersonalPart;
  personalBody: string;
  salt: Buffer;
}

export function prepareEntry(
  entry: JournalEntryInput,
  options: { utcOffsetMinutes: number; salt?: Buffer; note?: Record<string, string | number> },
): PreparedEntry {
  const personal = personalPartOf(entry);
  const personalBody = canonicalJson(personal);
  const salt = options.salt ?? freshSalt();
  const sealed: SealedPart = {
    v: ENCODING_VERSION,
    seq: 0,
    requestId: entry.requestId,
    receivedAt: entry.receivedAt.toISOString(),
    utcOffset: formatOffset(options.utcOffsetMinutes),
    user: { role: entry.user.role, organisation: entry.user.organisation },
    client: { kind: entry.client.kind, id: entry.client.id },
    basis: entry.basis
      ? {
          type: entry.basis.type,
          verification: entry.basis.verification,
          instruction: entry.basis.instruction !== undefined,
          reason: entry.basis.reason !== undefined,
        }
      : null,
    operation: { name: entry.operation.name, documentHash: entry.operation.documentHash, persistedId: entry.operation.persistedId, kind: entry.operation.kind },
    servicesCalled: [...entry.servicesCalled],
    withheld: entry.withheld.map((w) => ({ ...w, rule: { ...w.rule } })),
    outcome: entry.outcome,
    refusal: entry.refusal,
    recordCounts: { ...entry.recordCounts },
    durationMs: Math.round(entry.durationMs),
    personal: personalCommitment(salt, personalBody),
    note: options.note,
  };
  // The body is written here member by member, keys in the sorted order canonicalJson would give (the generic
  // encoder sorted and re-joined every object of every entry: the largest cost of record() in the profile), so
  // the seq value can be spliced in later. The encoding test checks it against canonicalJson(sealed).
  const basis =
    sealed.basis === null
      ? null
      : objectOf([
          ['instruction', sealed.basis.instruction],
          ['reason', sealed.basis.reason],
          ['type', sealed.basis.type],
          ['verification', sealed.basis.verification],
        ]);
  const operation = sealed.operation;
  let before = '{';
  before = member(before, 'basis', basis === null ? null : new Raw(basis));
  before = member(
    before,
    'client',
    new Raw(
      objectOf([
        ['id', sealed.client.id],
        ['kind', sealed.client.kind],
      ]),
    ),
  );
  before = member(before, 'durationMs', sealed.durationMs);
  before = member(before, 'note', sealed.note);
  before = member(
    before,
    'operation',
    new Raw(
      objectOf([
        ['documentHash', operation.documentHash],
        ['kind', operation.kind],
        ['name', operation.name],
        ['persistedId', operation.persistedId],
      ]),
    ),
  );
  before = member(before, 'outcome', sealed.outcome);
  before = member(before, 'personal', sealed.personal);
  before = member(before, 'receivedAt', sealed.receivedAt);
  before = member(before, 'recordCounts', sealed.recordCounts);
  before = member(before, 'refusal', sealed.refusal);
  before = member(before, 'requestId', sealed.requestId);
  before += ',"seq":';
  let after = '';
  after = member(after, 'servicesCalled', sealed.servicesCalled);
  after = member(
    after,
    'user',
    new Raw(
      objectOf([
        ['organisation', sealed.user.organisation],
        ['role', sealed.user.role],
      ]),
    ),
  );
  after = member(after, 'utcOffset', sealed.utcOffset);
  after = member(after, 'v', sealed.v);
  after = member(after, 'withheld', sealed.withheld);
  after = `,${after}}`;
  return { sealed, before, after, personal, personalBody, salt };
}

/** Already canonical JSON text. */
class Raw {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** Appends `"key":value` (canonical) to an object's text, or nothing for undefined, as canonicalJson does. */
function member(out: string, key: string, value: unknown): string {
  if (value === undefined) return out;
  const text = value instanceof Raw ? value.text : typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
  return `${out}${out.length > 1 ? ',' : ''}"${key}":${text}`;
}

/** A fixed-shape object whose keys are given in sorted order. */
function objectOf(members: ReadonlyArray<readonly [string, unknown]>): string {
  let out = '{';
  for (const [key, value] of members) out = member(out, key, value);
  return `${out}}`;
}

export function sealEntry(prepared: PreparedEntry, seq: number): EncodedEntry {
  return {
    sealed: { ...prepared.sealed, seq },
    body: `${prepared.before}${seq}${prepared.after}`,
    personal: prepared.personal,
    personalBody: prepared.personalBody,
    salt: prepared.salt,
  };
}

export function encodeEntry(
  entry: JournalEntryInput,
  seq: number,
  options: { utcOffsetMinutes: number; salt?: Buffer; note?: Record<string, string | number> },
): EncodedEntry {
  return sealEntry(prepareEntry(entry, options), seq);
}

/** Subjects as stored for lookup: "IIN:900101300123". */
export function subjectKey(subject: SubjectRef): string {
  return `${subject.kind}:${subject.value}`;
}
