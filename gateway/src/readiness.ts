/**
 * /readyz: whether this gateway can serve. Each probe names one part (the journal's store, the registries, the
 * supergraph) and fails by throwing; a probe that does not answer within the timeout fails too. The answer names
 * the failing parts only, never a URL, an error message or a credential.
 */
import type { Journal } from '@negiz/journal';

export interface ReadinessProbe {
  name: string;
  check(signal: AbortSignal): Promise<void> | void;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | 'failing'>;
}

export async function readiness(probes: readonly ReadinessProbe[], timeoutMs: number): Promise<Readiness> {
  const results = await Promise.all(
    probes.map(async (probe) => {
      const signal = AbortSignal.timeout(timeoutMs);
      const timedOut = new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      try {
        await Promise.race([probe.check(signal), timedOut]);
        return [probe.name, 'ok'] as const;
      } catch {
        return [probe.name, 'failing'] as const;
      }
    }),
  );
  return { ready: results.every(([, state]) => state === 'ok'), checks: Object.fromEntries(results) };
}

interface DurableJournal {
  store: { db: { query<R>(text: string): Promise<{ rows: R[] }> } };
}

/**
 * The journal can take entries: for the durable journal, its database answers, is not a read-only replica, and
 * this role may insert entries; the memory journal is ready unless set to fail.
 */
export function journalProbe(journal: Journal): ReadinessProbe {
  return {
    name: 'journal',
    async check() {
      if ('failing' in journal && journal.failing === true) throw new Error('journal set to fail');
      if (!('store' in journal)) return;
      const { rows } = await (journal as unknown as DurableJournal).store.db.query<{ writable: boolean }>(
        `select not pg_is_in_recovery()
           and has_table_privilege('journal_entries', 'INSERT')
           and has_table_privilege('journal_personal', 'INSERT') as writable`,
      );
      if (rows[0]?.writable !== true) throw new Error('journal not writable');
    },
  };
}

/** A registry over HTTP is reachable when its base URL answers anything at all (404 included) in time. */
export function httpProbe(name: string, baseUrl: string, authorization?: string): ReadinessProbe {
  return {
    name,
    async check(signal) {
      const response = await fetch(baseUrl, { method: 'GET', signal, headers: authorization ? { authorization } : {} });
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
    },
  };
}
