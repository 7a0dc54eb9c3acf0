/**
 * The gateway's refusals are the system's one Refusal class and its register of codes (schema/src/codes.ts):
 * a stable code, the HTTP status the register gives it, a human message pointing at the rule.
 */
export { Refusal, refusalBody, type Code as RefusalCode } from '@negiz/schema';
