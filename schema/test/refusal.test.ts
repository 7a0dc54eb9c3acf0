import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CODES, Refusal, refusalBody } from '../src/index.ts';

describe('Refusal', () => {
  it('takes its status and default message from the register', () => {
    const refusal = new Refusal('BASIS_UNVERIFIABLE');
    expect(refusal.status).toBe(503);
    expect(refusal.message).toBe(CODES.BASIS_UNVERIFIABLE.message);
    expect(new Refusal('RATE_LIMITED', 'More than 120 requests in 60 s').message).toBe('More than 120 requests in 60 s');
    expect(refusal).toBeInstanceOf(Error);
  });

  it('accepts a status the register allows for the code, and refuses any other', () => {
    expect(new Refusal('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', { status: 200 }).status).toBe(200);
    expect(new Refusal('PERSISTED_QUERY_NOT_FOUND').status).toBe(404);
    expect(() => new Refusal('PERSISTED_QUERY_NOT_FOUND', 'x', { status: 500 })).toThrow(/PERSISTED_QUERY_NOT_FOUND is answered with HTTP 404 or 200, not 500/);
    expect(() => new Refusal('UNAUTHENTICATED', 'x', { status: 403 })).toThrow(RangeError);
    expect(new Refusal('UNAUTHENTICATED', 'x', { status: 401 }).status).toBe(401);
  });

  it('is JSON with its code, its rule and its extensions, never a stack', () => {
    const rule = { appendix: 1 as const, row: 7, column: 4 };
    const refusal = new Refusal('FORBIDDEN_BASIS_FOR_ROLE', 'Appendix 1, row 7, column 4 (CIVIL)', { rule });
    const json = JSON.parse(JSON.stringify(refusal));
    expect(json).toEqual({ message: 'Appendix 1, row 7, column 4 (CIVIL)', extensions: { code: 'FORBIDDEN_BASIS_FOR_ROLE', rule } });
    expect(JSON.stringify(refusal)).not.toMatch(/stack|at \w+ \(|node:/);

    const limited = new Refusal('RATE_LIMITED', 'retry after 7 s', { headers: { 'retry-after': '7' }, extensions: { retryAfterSeconds: 7, code: 'OTHER' } });
    expect(limited.toJSON()).toEqual({ message: 'retry after 7 s', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } });
    expect(limited.headers).toEqual({ 'retry-after': '7' });
    expect(new Refusal('BAD_REQUEST').toJSON()).toEqual({ message: CODES.BAD_REQUEST.message, extensions: { code: 'BAD_REQUEST' } });
  });

  it('becomes a GraphQLError with the same message and extensions', () => {
    const error = new Refusal('REDACTED', 'Withheld: Appendix 2, row 11', {
      rule: { appendix: 2, row: 11, column: 2, note: 'Appendix 2, footnote 1' },
    }).toGraphQLError();
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.toJSON()).toEqual({
      message: 'Withheld: Appendix 2, row 11',
      extensions: { code: 'REDACTED', rule: { appendix: 2, row: 11, column: 2, note: 'Appendix 2, footnote 1' } },
    });
  });

  it('makes the body of a refused request, with the journal receipt when there is one', () => {
    const refusal = new Refusal('BASIS_NOT_YOURS');
    expect(refusalBody(refusal)).toEqual({ errors: [refusal.toJSON()] });
    const receipt = { id: '41', leafHash: 'ae99' };
    expect(refusalBody(refusal, receipt)).toEqual({ errors: [refusal.toJSON()], extensions: { journal: receipt } });
  });
});
