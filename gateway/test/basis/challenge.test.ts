import { describe, expect, it } from 'vitest';
import { createJustificationChallenge, type ChallengeRequest } from '../../src/basis/challenge.ts';

const request = (i: number, extra: Partial<ChallengeRequest> = {}): ChallengeRequest => ({
  login: `user${i % 7}`,
  client: { kind: 'PORTAL' },
  basis: { type: 'CRIMINAL', number: `2615000310${String(i).padStart(5, '0')}` },
  documentHash: `hash${i}`,
  now: new Date('2026-11-02T06:00:00Z'),
  ...extra,
});

describe('random justification challenge', () => {
  it('challenges about 1 in 20 interactive requests by default, and the same request the same way on retry', () => {
    const decide = createJustificationChallenge({ secret: Buffer.alloc(32, 1) });
    const decisions = Array.from({ length: 4000 }, (_, i) => decide(request(i)));
    const share = decisions.filter((d) => d.challenged).length / decisions.length;
    expect(share).toBeGreaterThan(0.035);
    expect(share).toBeLessThan(0.065);
    const challenged = decisions.findIndex((d) => d.challenged);
    expect(decide(request(challenged))).toEqual(decisions[challenged]);
    expect(decisions[challenged]).toMatchObject({ satisfied: false, code: 'JUSTIFICATION_REQUIRED' });
  });

  it('accepts a challenged request that carries a reason, and never challenges court systems', () => {
    const always = createJustificationChallenge({ share: 1 });
    expect(always(request(1, { basis: { type: 'CRIMINAL', number: '1', reason: '  checking the alibi of a witness ' } }))).toEqual({
      challenged: true,
      satisfied: true,
      reason: 'checking the alibi of a witness',
    });
    expect(always(request(1, { basis: { type: 'CRIMINAL', number: '1', reason: '   ' } }))).toMatchObject({ satisfied: false });
    expect(always(request(1, { client: { kind: 'COURT' } }))).toEqual({ challenged: false });
    expect(createJustificationChallenge({ share: 0 })(request(1))).toEqual({ challenged: false });
  });
});
