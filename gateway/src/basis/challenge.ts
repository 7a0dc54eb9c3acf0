/**
 * Random justification challenges (a control police forces use): a share of interactive requests must also carry
 * a free-text reason (`basis.reason`), else JUSTIFICATION_REQUIRED. The draw is keyed on who asks, under which
 * basis, which operation and which day, so retrying the same request does not re-roll the dice; court systems
 * (persisted operations) are never challenged.
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { ClientKind } from '@negiz/journal';

export interface ChallengeConfig {
  /** Share of interactive requests challenged (default 1/20; 0 turns it off). */
  share?: number;
  /** Clients never challenged (default COURT, CITIZEN_PORTAL, REPORTS, CLI). */
  exempt?: readonly ClientKind[];
  /** Secret of the keyed draw; a random one per process by default. */
  secret?: Buffer;
  /** Replaces the keyed draw (tests, or a deliberate policy): a number in [0, 1). */
  draw?: (request: ChallengeRequest) => number;
}

export interface ChallengeRequest {
  login: string;
  client: { kind: ClientKind; id?: string };
  basis?: { type: string; number: string; reason?: string };
  documentHash: string;
  now?: Date;
}

export type ChallengeDecision =
  | { challenged: false }
  | { challenged: true; satisfied: true; reason: string }
  | { challenged: true; satisfied: false; code: 'JUSTIFICATION_REQUIRED'; message: string };

export function createJustificationChallenge(config: ChallengeConfig = {}): (request: ChallengeRequest) => ChallengeDecision {
  const share = config.share ?? 1 / 20;
  const exempt = new Set<ClientKind>(config.exempt ?? ['COURT', 'CITIZEN_PORTAL', 'REPORTS', 'CLI']);
  // A KeyObject made once: createHmac imports a Buffer key afresh on every call, several times the HMAC's own cost.
  const secret = createSecretKey(config.secret ?? randomBytes(32));
  const keyedDraw = (r: ChallengeRequest): number => {
    const day = (r.now ?? new Date()).toISOString().slice(0, 10);
    const mac = createHmac('sha256', secret)
      .update(`${r.login}\n${r.basis?.type ?? ''}\n${r.basis?.number ?? ''}\n${r.documentHash}\n${day}`)
      .digest();
    return mac.readUInt32BE(0) / 2 ** 32;
  };
  const draw = config.draw ?? keyedDraw;
  return (request) => {
    if (share <= 0 || exempt.has(request.client.kind) || !request.basis) return { challenged: false };
    if (draw(request) >= share) return { challenged: false };
    const reason = request.basis.reason?.trim();
    if (reason) return { challenged: true, satisfied: true, reason };
    return {
      challenged: true,
      satisfied: false,
      code: 'JUSTIFICATION_REQUIRED',
      message: 'This request was selected for a justification check: repeat it with basis.reason, a short free-text reason (it is journaled).',
    };
  };
}
