/**
 * The gateway's refusals are the system's one Refusal class and its register of codes (schema/src/codes.ts):
 * a stable code, the HTTP status the register gives it, a human message pointing at the rule.
 */
import type { FastifyReply } from 'fastify';
import { Refusal, refusalBody } from '@negiz/schema';

export { Refusal, refusalBody, type Code as RefusalCode } from '@negiz/schema';

/**
 * For the routes beside the door that authenticate (GraphiQL, the console): the authenticate stage's refusal as it
 * is; anything else thrown there is answered as unauthenticated, never as itself.
 */
export function replyRefusal(reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = error instanceof Refusal ? error : new Refusal('UNAUTHENTICATED', 'Authentication required');
  return reply.code(refusal.status).send(refusalBody(refusal));
}
