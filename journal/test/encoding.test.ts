import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical.ts';
import { encodeEntry, personalCommitment } from '../src/encoding.ts';
import { sampleEntry } from './databases.ts';

describe('canonical encoding of an entry', () => {
  it('sorts keys at every depth, omits undefined, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, é: 'x"y' }, z: null })).toBe('{"a":{"d":[3,1],"é":"x\\"y"},"b":1,"z":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });

  it('produces a body that is its own canonical form, with the sequence number, and no personal data', () => {
    const entry = sampleEntry({
      withheld: [
        {
          path: 'person.pensions.0.amount',
          coordinate: 'Pension.amount',
          service: 's11-pensions',
          code: 'TRUNCATED',
          rule: { appendix: 2, row: 11, column: 1 },
        },
      ],
      basis: { type: 'CRIMINAL', number: '261500031000123', instruction: 'OUT-77', reason: 'alibi check', verification: 'VERIFIED' },
      recordCounts: { seq: 0, 's01-persons': 1 },
    });
    const encoded = encodeEntry(entry, 12345, { utcOffsetMinutes: 300, note: { destroyedEntries: 3 } });
    expect(canonicalJson(JSON.parse(encoded.body))).toBe(encoded.body);
    expect(JSON.parse(encoded.body)).toMatchObject({
      seq: 12345,
      utcOffset: '+05:00',
      basis: { instruction: true, reason: true },
      note: { destroyedEntries: 3 },
    });
    for (const personal of ['900101300123', 'investigator.almaty', '261500031000123', 'OUT-77', 'alibi check']) expect(encoded.body).not.toContain(personal);
    expect(JSON.parse(encoded.body).personal).toBe(personalCommitment(encoded.salt, encoded.personalBody));
    expect(JSON.parse(encoded.personalBody)).toMatchObject({
      login: 'investigator.almaty',
      reason: 'alibi check',
      subjects: [{ kind: 'IIN', value: '900101300123' }],
    });
  });

  it('writes the same bytes as the generic canonical encoder, whatever members are present', () => {
    const variants = [
      sampleEntry(),
      sampleEntry({ basis: undefined, refusal: 'NO_BASIS', outcome: 'REFUSED', recordCounts: {}, servicesCalled: [] }),
      sampleEntry({
        operation: { documentHash: 'ff'.repeat(32), kind: 'query' },
        withheld: [{ path: 'a.b', coordinate: 'A.b', service: 's01-persons', code: 'MASKED', rule: { appendix: 1, row: 2, column: 3, note: 'é "q" \\ \n' } }],
        recordCounts: { seq: 0, 's01-persons': 1, zz: 2 },
      }),
    ];
    for (const [i, entry] of variants.entries()) {
      const encoded = encodeEntry(entry, 40 + i, { utcOffsetMinutes: -90, note: i === 2 ? { destroyedEntries: 3, why: 'x' } : undefined });
      expect(encoded.body).toBe(canonicalJson(encoded.sealed));
    }
  });

  it('salts each commitment, so equal personal parts do not give equal hashes', () => {
    const entry = sampleEntry();
    const a = encodeEntry(entry, 1, { utcOffsetMinutes: 300 });
    const b = encodeEntry(entry, 1, { utcOffsetMinutes: 300 });
    expect(a.personalBody).toBe(b.personalBody);
    expect(JSON.parse(a.body).personal).not.toBe(JSON.parse(b.body).personal);
  });
});
