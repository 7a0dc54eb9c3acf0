/**
 * Every code the console can show (the register's codes of the stages whose answers reach it, the journal's flags,
 * the outcomes) has its words in Kazakh, Russian and English, and nothing is translated that the register lacks.
 */
import { describe, expect, it } from 'vitest';
import { CODES, type Code } from '@negiz/schema';
import type { FlagCode } from '@negiz/journal';
import { CODE_TEXT, codeText, CONSOLE_STAGES, FLAG_TEXT, LANGUAGES, OUTCOME_TEXT, UI, uiText } from '../../src/console/messages.ts';

const shown = (Object.keys(CODES) as Code[]).filter((code) =>
  (CODES[code].stages as readonly string[]).some((s) => (CONSOLE_STAGES as readonly string[]).includes(s)),
);
const FLAGS: Record<FlagCode, true> = {
  SUBJECT_NOT_IN_CASE: true,
  SELF_LOOKUP: true,
  RELATIVE_LOOKUP: true,
  SAME_SURNAME: true,
  CLUSTER_ON_SUBJECT: true,
  MANY_SUBJECTS_PER_DAY: true,
  OUTSIDE_WORKING_HOURS: true,
  REFUSED_THEN_RETRIED: true,
  LATE_HR_NOTICE: true,
};

describe('console messages', () => {
  it('translate every code the console can show into all three languages', () => {
    expect(shown.length).toBeGreaterThan(20);
    const missing = shown.flatMap((code) => LANGUAGES.filter((l) => !CODE_TEXT[code]?.[l]?.trim()).map((l) => `${code}/${l}`));
    expect(missing).toEqual([]);
  });

  it('translate only registered codes, every flag and every outcome', () => {
    expect(Object.keys(CODE_TEXT).filter((code) => !(code in CODES))).toEqual([]);
    expect(Object.keys(FLAG_TEXT).sort()).toEqual(Object.keys(FLAGS).sort());
    for (const table of [FLAG_TEXT, OUTCOME_TEXT, UI]) {
      for (const [key, text] of Object.entries(table)) for (const l of LANGUAGES) expect(text[l]?.trim(), `${key}/${l}`).toBeTruthy();
    }
  });

  it('differ between languages and fall back to the code itself for an unknown one', () => {
    expect(codeText('kk', 'BASIS_NOT_YOURS')).toBe('Іс сіздің іс жүргізуіңізде емес');
    expect(codeText('ru', 'BASIS_NOT_YOURS')).toBe('Дело не в вашем производстве');
    expect(codeText('en', 'SELF_LOOKUP')).toBe('Looked up themselves');
    expect(codeText('ru', 'REFUSED')).toBe('Отказано');
    expect(codeText('kk', 'SOMETHING_NEWER')).toBe('SOMETHING_NEWER');
    expect(uiText('ru', 'markReviewed')).toBe('Отметить как проверенное');
  });
});
