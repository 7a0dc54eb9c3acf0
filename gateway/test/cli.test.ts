import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerGatewayCommands } from '../src/cli.ts';

let printed: string[];
beforeEach(() => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  process.env.NEGIZ_HOME = mkdtempSync(join(tmpdir(), 'negiz-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.NEGIZ_HOME;
});

function program(): Command {
  const p = new Command('negiz').exitOverride();
  registerGatewayCommands(p);
  return p;
}

describe('negiz token', () => {
  it('prints a token for a demo user with the MFA factors the user enrolled', async () => {
    await program().parseAsync(['node', 'negiz', 'token', '--user', 'investigator.police', '--json']);
    const out = JSON.parse(printed[0]!) as { token: string; role: number; amr: string[] };
    expect(out.role).toBe(3);
    const claims = decodeJwt(out.token);
    expect(claims).toMatchObject({ sub: 'investigator.police', role: 3 });
    expect(claims.amr).toContain('hwk');
  }, 30_000);

  it("issues the e-government portal's service token with its client_id", async () => {
    await program().parseAsync(['node', 'negiz', 'token', '--user', 'egov.portal', '--json']);
    const out = JSON.parse(printed.at(-1)!) as { token: string; clientId: string };
    expect(out.clientId).toBe('egov-portal');
    expect(decodeJwt(out.token)).toMatchObject({ sub: 'egov.portal', role: 20, client_id: 'egov-portal' });
  }, 30_000);

  it('refuses an unknown user and production mode', async () => {
    await expect(program().parseAsync(['node', 'negiz', 'token', '--user', 'nobody'])).rejects.toThrow(/no demo user/);
    process.env.NEGIZ_MODE = 'production';
    try {
      await expect(program().parseAsync(['node', 'negiz', 'token', '--user', 'investigator.police'])).rejects.toThrow();
    } finally {
      delete process.env.NEGIZ_MODE;
    }
  }, 30_000);
});

describe('negiz cluster', () => {
  it('refuses counts outside 1-16 and cache ages outside 0-60000 ms before starting anything', async () => {
    const quiet = () => program().configureOutput({ writeErr: () => undefined });
    await expect(quiet().parseAsync(['node', 'negiz', 'cluster', '--gateways', '0'])).rejects.toThrow(/--gateways.*a count is an integer 1-16/);
    await expect(quiet().parseAsync(['node', 'negiz', 'cluster', '--basis-cache-ms', '-1'])).rejects.toThrow(/a cache age is 0-60000 ms/);
  });
});

describe('negiz deploy check', () => {
  it('passes on the shipped deploy/ and Dockerfile, and lists the findings with exit code 1 elsewhere', async () => {
    await program().parseAsync(['node', 'negiz', 'deploy', 'check']);
    expect(printed.at(-1)).toMatch(/^deployment checked: /);
    expect(process.exitCode ?? 0).toBe(0);
    const empty = mkdtempSync(join(tmpdir(), 'negiz-deploy-'));
    await program().parseAsync(['node', 'negiz', 'deploy', 'check', '--dir', empty, '--json']);
    const out = JSON.parse(printed.at(-1)!) as { ok: boolean; findings: string[] };
    expect(out.ok).toBe(false);
    expect(out.findings).toContain('no CloudNativePG Cluster (postgresql.cnpg.io) for the journal');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
