/** Test witnesses: a real `negiz witness` HTTP service on 127.0.0.1, with its own throwaway PostgreSQL database. */
import { generateCheckpointJwk, keyFromJwk, type CheckpointKey } from '../src/checkpoint-key.ts';
import { ED25519, keyFromPublicJwk, vkeyOf } from '../src/note.ts';
import { buildWitness, type RunningWitness } from '../src/witness-server.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export const ORIGIN = 'negiz-journal';

export async function logKey(): Promise<{ key: CheckpointKey; vkey: string }> {
  const key = await keyFromJwk(await generateCheckpointJwk());
  return { key, vkey: vkeyOf(keyFromPublicJwk(ORIGIN, ED25519, key.publicJwk)) };
}

export interface TestWitness {
  name: string;
  vkey: string;
  url: string;
  running: RunningWitness | undefined;
  /** Starts (or restarts) the service on its port, over the same database and key. */
  start(): Promise<RunningWitness>;
  stop(): Promise<void>;
  drop(): Promise<void>;
}

export async function testWitness(name: string, logVkeys: string[], port = 0): Promise<TestWitness> {
  const db: TestDatabase = await createTestDatabase();
  const jwk = JSON.stringify(await generateCheckpointJwk());
  let chosen = port;
  const witness: TestWitness = {
    name,
    vkey: '',
    url: '',
    running: undefined,
    async start() {
      const running = await buildWitness({ name, key: jwk, logKeys: logVkeys, url: db.url });
      const address = await running.app.listen({ host: '127.0.0.1', port: chosen });
      chosen = Number(new URL(address).port);
      witness.url = address;
      witness.vkey = running.vkey;
      witness.running = running;
      return running;
    },
    async stop() {
      await witness.running?.close();
      witness.running = undefined;
    },
    async drop() {
      await witness.stop();
      await db.drop();
    },
  };
  return witness;
}

export async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
