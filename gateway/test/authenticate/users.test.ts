import { describe, expect, it } from 'vitest';
import { cachedUserRegistry, checkAccount, MemoryUserRegistry } from '../../src/authenticate/index.ts';

describe('user registry', () => {
  it('remembers a status for at most the configured time, so a block takes effect within it', async () => {
    const registry = new MemoryUserRegistry([{ login: 'u', status: 'ACTIVE', role: 3 }]);
    const cached = cachedUserRegistry(registry, 50);
    const identity = { login: 'u', role: 3, organisation: 'MVD', amr: [], expiresAt: 0 };
    await checkAccount(cached, identity);
    registry.setStatus('u', 'BLOCKED');
    await checkAccount(cached, identity); // still within the cache window
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(checkAccount(cached, identity)).rejects.toMatchObject({ code: 'ACCOUNT_BLOCKED', status: 403 });
  });

  it('refuses an unregistered login and an unreachable registry', async () => {
    const identity = { login: 'ghost', role: 3, organisation: 'MVD', amr: [], expiresAt: 0 };
    await expect(checkAccount(new MemoryUserRegistry(), identity)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(checkAccount({ user: () => Promise.reject(new Error('down')) }, identity)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
