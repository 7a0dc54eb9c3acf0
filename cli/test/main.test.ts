import { describe, expect, it } from 'vitest';
import { negiz } from './run-negiz.ts';

describe('negiz', () => {
  it('lists the commands of every package in its help', async () => {
    const run = await negiz(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['policy', 'compose', 'services', 'mocks', 'journal', 'start', 'token', 'cluster', 'deploy', 'operations'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('refuses an unknown command with a one-line error', async () => {
    const run = await negiz(['frobnicate']);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });
});
