/**
 * The limits against bulk harvesting, with defaults tuned so the full dossier of one person (a query touching all
 * 93 services, see test/clients/limits) passes, and many subjects in one request or a loop over IINs does not.
 */
import { z } from 'zod';

export const limitsOptionsSchema = z
  .object({
    /** Nesting of selections (armor max-depth); the full dossier is 6 deep. */
    maxDepth: z.number().int().positive().default(8),
    /** Aliases per operation: aliasing one field many times is the classic way to ask for many subjects at once. */
    maxAliases: z.number().int().nonnegative().default(10),
    /**
     * armor cost-limit: objects cost 2, scalars 1, each level multiplies by 1.5. The full dossier of one person on
     * schema/supergraph.graphql (all 93 services) costs about 6,100; the same dossier one level down (of every
     * relative, of every co-owner) costs 1.5 times more and is refused.
     */
    maxCost: z.number().int().positive().default(8000),
    /** Fields selected, fragments expanded; the full dossier selects about 1,700. */
    maxFields: z.number().int().positive().default(2200),
    /** Distinct IIN/BIN values in arguments and variables of one request. */
    maxSubjects: z.number().int().positive().default(3),
    /** Operations in one batched HTTP request (a JSON array). */
    maxBatch: z.number().int().positive().default(5),
    /** Request body size in bytes. */
    maxBodyBytes: z.number().int().positive().default(100_000),
    rate: z
      .object({
        /** Requests per user per window. */
        requests: z.number().int().positive().default(120),
        requestWindowSeconds: z.number().int().positive().default(60),
        /** Distinct subjects per user per window: a loop over IINs exhausts it, casework does not. */
        subjects: z.number().int().positive().default(60),
        subjectWindowSeconds: z.number().int().positive().default(3600),
      })
      .strict()
      .default({ requests: 120, requestWindowSeconds: 60, subjects: 60, subjectWindowSeconds: 3600 }),
  })
  .strict();

export type LimitsOptions = z.infer<typeof limitsOptionsSchema>;
export type LimitsInput = z.input<typeof limitsOptionsSchema>;

export function limitsOptions(input: LimitsInput = {}): LimitsOptions {
  return limitsOptionsSchema.parse(input);
}
