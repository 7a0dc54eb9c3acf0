/**
 * Monaco's web workers, bundled by build.ts next to the app: loaded from this origin, never from a CDN.
 * Must run before any editor is created.
 */
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(`/graphiql/assets/${WORKERS[label] ?? 'editor.worker.js'}`);
  },
};
