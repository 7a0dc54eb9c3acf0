import { readFile, writeFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { serviceDocument } from './define.ts';
import type { RegisteredService } from './registry.ts';
import { SUPERGRAPH_PATH } from './supergraph-path.ts';

export { SUPERGRAPH_PATH };
/** The default URL of each subgraph in the supergraph: the port of `negiz serve-subgraphs`. */
export const DEFAULT_SUBGRAPH_BASE_URL = 'http://localhost:4001';

export class CompositionFailed extends Error {
  override name = 'CompositionFailed';
  readonly errors: readonly string[];
  constructor(errors: readonly string[]) {
    super(`composition failed with ${errors.length} error(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.errors = errors;
  }
}

/** Compose the services (Federation 2) into the supergraph SDL; throws CompositionFailed listing every error. */
export function composeSupergraph(services: readonly RegisteredService[], baseUrl: string = DEFAULT_SUBGRAPH_BASE_URL): string {
  const result = composeServices(services.map((s) => ({ name: s.slug, url: `${baseUrl}/${s.slug}/graphql`, typeDefs: serviceDocument(s.definition) })));
  if (result.errors?.length || !result.supergraphSdl) {
    throw new CompositionFailed((result.errors ?? []).map((e) => e.message));
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

export async function writeSupergraph(services: readonly RegisteredService[], path: string = SUPERGRAPH_PATH): Promise<string> {
  const sdl = composeSupergraph(services);
  await writeFile(path, sdl);
  return sdl;
}

export async function readSupergraph(path: string = SUPERGRAPH_PATH): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}
