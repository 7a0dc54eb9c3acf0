/**
 * `negiz witness`: the witness as its own process, with its own key (a private JWK file, type 0x04 under its name)
 * and its own storage (a PostgreSQL database of its own, or an embedded PGlite directory). It serves
 * POST /add-checkpoint (C2SP tlog-witness) and GET /healthz.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { devCheckpointKey, loadCheckpointKey } from './checkpoint-key.ts';
import { COSIGNATURE_V1, parseVkey, signerFromJwk, vkeyOf, type NoteSigner } from './note.ts';
import { pgliteClient, postgresClient, type SqlClient } from './sql-client.ts';
import { Witness } from './witness.ts';

export interface WitnessConfig {
  /** The witness's key name, e.g. "witness.prokuror.kz/journal". */
  name: string;
  /** Path of its private JWK (created on first use when `createKey`), or the JWK itself. */
  key: string;
  createKey?: boolean;
  /** The logs it watches, as verifier keys (`negiz journal key --note`). */
  logKeys: readonly string[];
  /** postgres://... of its own database; otherwise PGlite in `dir`. */
  url?: string;
  dir?: string;
  utcOffsetMinutes?: number;
}

export interface RunningWitness {
  witness: Witness;
  app: FastifyInstance;
  vkey: string;
  close(): Promise<void>;
}

async function rawBody(stream: AsyncIterable<Buffer>, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function witnessSigner(config: Pick<WitnessConfig, 'name' | 'key' | 'createKey'>): Promise<NoteSigner> {
  const key = config.createKey && !config.key.trim().startsWith('{') ? await devCheckpointKey(config.key) : await loadCheckpointKey(config.key);
  if (!key.privateJwk) throw new RangeError('witness: the key file holds no private key');
  return signerFromJwk(config.name, COSIGNATURE_V1, key.privateJwk);
}

async function openWitnessDatabase(config: WitnessConfig): Promise<SqlClient> {
  if (config.url) return postgresClient({ url: config.url, max: 2 });
  return pgliteClient({ dataDir: config.dir && config.dir !== 'memory' ? config.dir : undefined });
}

/** Builds the witness's HTTP service (not yet listening). */
export async function buildWitness(config: WitnessConfig): Promise<RunningWitness> {
  const signer = await witnessSigner(config);
  const db = await openWitnessDatabase(config);
  const witness = await Witness.open(db, { signer, logs: config.logKeys.map(parseVkey), utcOffsetMinutes: config.utcOffsetMinutes });
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/add-checkpoint', async (request, reply) => {
    // Clients may send no Content-Type at all: then no parser ran and the body is still in the stream.
    const body = typeof request.body === 'string' ? request.body : await rawBody(request.raw, 64 * 1024);
    if (body === undefined) return reply.code(413).type('text/plain; charset=utf-8').send('add-checkpoint: body too large\n');
    const answer = await witness.addCheckpoint(body);
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
  app.get('/healthz', async () => ({ ok: true }));
  return {
    witness,
    app,
    vkey: vkeyOf(signer),
    async close() {
      await app.close();
      await db.close();
    },
  };
}
