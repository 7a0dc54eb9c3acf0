import { describe, expect, it } from 'vitest';
import { readBasisClaim } from '../../src/basis/index.ts';

describe('basis claim', () => {
  it('prefers extensions.basis over the headers', () => {
    expect(readBasisClaim({ basis: { type: 'CRIMINAL', number: '241500031000123', instruction: 'I-1' } }, { 'x-basis-type': 'CIVIL' })).toEqual({
      type: 'CRIMINAL',
      number: '241500031000123',
      instruction: 'I-1',
    });
    expect(readBasisClaim({}, { 'x-basis-type': 'SEARCH', 'x-basis-number': '2455100123' })).toEqual({ type: 'SEARCH', number: '2455100123' });
    expect(readBasisClaim(undefined, {})).toBeUndefined();
  });

  it('checks each basis number against bases.yaml', () => {
    const ok = {
      CRIMINAL: '241500031000123',
      ADMIN_COURT: '7510-2024-01-3/1234',
      ADMIN_OFFENCE: '245510000123',
      CIVIL: '7510-2024-02-2/5678',
      ENFORCEMENT: '02-2024-001234',
      SEARCH: '2455100123',
    };
    for (const [type, number] of Object.entries(ok)) {
      expect(readBasisClaim({ basis: { type, number } }, {})?.type).toBe(type);
      expect(() => readBasisClaim({ basis: { type, number: `${number}x` } }, {})).toThrow(expect.objectContaining({ code: 'BASIS_INVALID' }));
    }
    expect(() => readBasisClaim({}, { 'x-basis-type': 'CRIMINAL' })).toThrow(expect.objectContaining({ code: 'BASIS_INVALID' }));
  });
});
