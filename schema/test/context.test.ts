import { describe, expect, it } from 'vitest';
import { gatewayClaimsSchema } from '../src/context.ts';

const claims = { sub: 'investigator.police', role: 3, org: 'МВД', basis: { type: 'CRIMINAL', number: '261500001000123' }, articlesQualify: false };

describe('the gateway claims', () => {
  it('accept who asks, on which basis, and whether the articles qualify', () => {
    expect(gatewayClaimsSchema.parse(claims)).toEqual(claims);
    expect(gatewayClaimsSchema.parse({ ...claims, basis: { ...claims.basis, instruction: '12-3/456' } }).basis.instruction).toBe('12-3/456');
  });

  it('refuse a basis outside the six columns, a missing subject and a non-positive role', () => {
    expect(gatewayClaimsSchema.safeParse({ ...claims, basis: { type: 'CURIOSITY', number: '1' } }).success).toBe(false);
    expect(gatewayClaimsSchema.safeParse({ ...claims, sub: '' }).success).toBe(false);
    expect(gatewayClaimsSchema.safeParse({ ...claims, role: 0 }).success).toBe(false);
  });
});
