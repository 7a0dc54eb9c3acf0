import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POLICY_DIR, PolicyDataError, loadPolicy } from '../../src/index.ts';

const dirs: string[] = [];
function amended(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'negiz-policy-'));
  dirs.push(dir);
  cpSync(POLICY_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loading the policy data', () => {
  it('loads the shipped files', () => {
    expect(loadPolicy().services.get(5)?.slug).toBe('s05-vehicles');
  });

  it('names the file, row and field of an invalid cell', () => {
    const dir = amended('services.yaml', (t) =>
      t.replace('  - number: 7\n', '  - number: 7\n').replace(/(number: 7\n[\s\S]*?access: \{ CRIMINAL: )full/, '$1partial'),
    );
    expect(() => loadPolicy(dir)).toThrow(PolicyDataError);
    expect(() => loadPolicy(dir)).toThrow(/services\.yaml: row 7 \(7\): field "access\.CRIMINAL"/);
  });

  it('refuses a missing basis column', () => {
    const dir = amended('services.yaml', (t) => t.replace(/(number: 12\n[\s\S]*?), SEARCH: full \}/, '$1 }'));
    expect(() => loadPolicy(dir)).toThrow(/services\.yaml: row 12 \(12\): access has no value for SEARCH/);
  });

  it('refuses a truncated cell without withheld fields', () => {
    const dir = amended('services.yaml', (t) => t.replace(/(number: 12\n[\s\S]*?CIVIL: )full/, '$1truncated'));
    expect(() => loadPolicy(dir)).toThrow(/row 12 \(12\): access is truncated on some basis but no withheld fields/);
  });

  it('refuses rows out of order and unknown bases', () => {
    expect(() => loadPolicy(amended('roles.yaml', (t) => t.replace('number: 5\n', 'number: 50\n')))).toThrow(
      /roles\.yaml: row 5: role number 50 is out of order/,
    );
    expect(() => loadPolicy(amended('roles.yaml', (t) => t.replace('bases: [ENFORCEMENT]', 'bases: [EXECUTION]')))).toThrow(
      /roles\.yaml: row 16 \(16\): field "bases\.0"/,
    );
  });

  it('refuses an article list that is not a range', () => {
    expect(() => loadPolicy(amended('articles.yaml', (t) => t.replace('from: 214', 'from: 300')))).toThrow(/articles\.yaml/);
  });

  it('refuses malformed YAML with the file name', () => {
    expect(() => loadPolicy(amended('bases.yaml', (t) => `${t}\n  - : [`))).toThrow(/bases\.yaml: not valid YAML/);
  });
});
