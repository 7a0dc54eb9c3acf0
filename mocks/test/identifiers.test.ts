import { describe, expect, it } from 'vitest';
import { isValidIin } from '@negiz/schema';
import { withCheckDigit } from '../src/identifiers.ts';

describe('withCheckDigit', () => {
  it('completes 11 generated digits into a valid number', () => {
    expect(withCheckDigit('90010130001')).toBe('900101300017');
    expect(isValidIin(withCheckDigit('85071240040')!)).toBe(true);
  });

  it('gives nothing for 11 digits no number may be issued with', () => {
    expect(withCheckDigit('85071240042')).toBeUndefined();
  });
});
