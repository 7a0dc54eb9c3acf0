import { describe, expect, it } from 'vitest';
import { assertBin, assertIin, checkDigit, IdentifierError, isValidBin, isValidIin, parseBin, parseIin } from '../src/identifiers.ts';

describe('IIN/BIN check digit', () => {
  it('uses weights 1..11 mod 11 when that gives 0..9', () => {
    // 9*1 + 1*4 + 1*6 + 3*7 + 1*11 = 51; 51 mod 11 = 7
    expect(checkDigit('90010130001')).toBe(7);
    expect(isValidIin('900101300017')).toBe(true);
  });

  it('falls back to weights 3..11,1,2 when the first pass gives 10', () => {
    // first pass: 10; second pass: 6 and 8
    expect(checkDigit('85071240040')).toBe(6);
    expect(checkDigit('85071240041')).toBe(8);
    expect(isValidIin('850712400406')).toBe(true);
    expect(isValidBin('040740000200')).toBe(true);
  });

  it('refuses to issue a number when both passes give 10', () => {
    expect(checkDigit('85071240042')).toBeUndefined();
    expect(checkDigit('04074000025')).toBeUndefined();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`85071240042${d}`)).toBe(false);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidIin('900101300018')).toBe(false);
    expect(isValidIin('90010130001')).toBe(false);
    expect(isValidIin('9001013000177')).toBe(false);
    expect(isValidIin('90010130001a')).toBe(false);
    expect(() => checkDigit('123')).toThrow(IdentifierError);
  });
});

describe('parseIin', () => {
  it('reads the birth date, sex and century from digits 1-7', () => {
    expect(parseIin('900101300017')).toEqual({ iin: '900101300017', birthDate: '1990-01-01', sex: 'MALE', centuryDigit: 3, serial: '0001' });
    expect(parseIin('850712400406')).toMatchObject({ birthDate: '1985-07-12', sex: 'FEMALE', centuryDigit: 4 });
  });

  it('rejects impossible dates and century digits outside 1-6', () => {
    const make = (first11: string) => `${first11}${checkDigit(first11) ?? 0}`;
    expect(parseIin(make('90023030001'))).toBeUndefined(); // 30 February
    expect(parseIin(make('90130130001'))).toBeUndefined(); // month 13
    expect(parseIin(make('90010170001'))).toBeUndefined(); // century digit 7
    expect(parseIin(make('00022950001'))).toMatchObject({ birthDate: '2000-02-29', sex: 'MALE' });
  });

  it('assertIin throws a coded error that does not echo the value', () => {
    try {
      assertIin('900101300018');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IdentifierError);
      expect((error as IdentifierError).code).toBe('BAD_IDENTIFIER');
      expect((error as Error).message).not.toContain('900101300018');
    }
  });
});

describe('parseBin', () => {
  it('reads registration month, type and unit digits', () => {
    expect(parseBin('040740000200')).toEqual({
      bin: '040740000200',
      registeredMonth: '2004-07',
      typeDigit: 4,
      type: 'RESIDENT_LEGAL_ENTITY',
      unitDigit: 0,
      unit: 'HEAD_OFFICE',
      serial: '00020',
    });
  });

  it('rejects a type digit outside 4-6, a unit digit outside 0-3 and month 13', () => {
    const make = (first11: string) => `${first11}${checkDigit(first11) ?? 0}`;
    expect(parseBin(make('04073000020'))).toBeUndefined();
    expect(parseBin(make('04074500020'))).toBeUndefined();
    expect(parseBin(make('04134000020'))).toBeUndefined();
    expect(() => assertBin('040740000201')).toThrow(/not a valid BIN/);
  });
});
