/**
 * The user registry over HTTP (the operator's account register, fed by the HR integration of p.15):
 * `GET {base}/users/{login}` -> `{login, status, role, grants, agreementAccepted}`, 404 when not registered. Any other answer throws, and
 * the authenticate stage then refuses (an account whose status is unknown does not work).
 */
import { z } from 'zod';
import type { UserRecord, UserRegistry } from './users.ts';

// AGREEMENT_NOT_ACCEPTED is the older registers' way of saying agreementAccepted: false.
const userSchema = z
  .object({
    login: z.string(),
    status: z.enum(['ACTIVE', 'BLOCKED', 'SUSPENDED', 'CLOSED', 'PENDING_ROLE', 'AGREEMENT_NOT_ACCEPTED']),
    role: z.number().int().optional(),
    grants: z.array(z.string()).optional(),
    agreementAccepted: z.boolean().optional(),
  })
  .transform(({ status, ...user }): UserRecord =>
    status === 'AGREEMENT_NOT_ACCEPTED' ? { ...user, status: 'ACTIVE', agreementAccepted: false } : { ...user, status },
  );

export function httpUserRegistry(baseUrl: string, options: { timeoutMs?: number; authorization?: string } = {}): UserRegistry {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async user(login): Promise<UserRecord | undefined> {
      const response = await fetch(`${base}/users/${encodeURIComponent(login)}`, {
        headers: { accept: 'application/json', ...(options.authorization ? { authorization: options.authorization } : {}) },
        signal: AbortSignal.timeout(options.timeoutMs ?? 2_000),
      });
      if (response.status === 404) return undefined;
      if (!response.ok) throw new Error(`user registry answered ${response.status}`);
      return userSchema.parse(await response.json());
    },
  };
}
