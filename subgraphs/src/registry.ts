import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { policy, type Service } from '@negiz/schema';
import type { ServiceDefinition } from './define.ts';

/** The folder holding one folder per service (`sNN-slug/index.ts`). */
export const SERVICES_DIR = fileURLToPath(new URL('../services/', import.meta.url));

/** A service definition joined with its row of Appendix 2. */
export interface RegisteredService {
  slug: string;
  number: number;
  definition: ServiceDefinition;
  /** The policy row: names, access per basis, withheld fields. */
  policy: Service;
}

export class ServiceRegistryError extends Error {
  override name = 'ServiceRegistryError';
}

/** Join one definition with its policy row; the folder name must be the policy's slug. */
export function registerService(folder: string, definition: ServiceDefinition): RegisteredService {
  const row = policy().services.get(definition?.number);
  if (!row) throw new ServiceRegistryError(`services/${folder}: number ${String(definition?.number)} is not a row of Appendix 2`);
  if (row.slug !== folder) throw new ServiceRegistryError(`services/${folder}: service ${row.number} is "${row.slug}" in services.yaml; rename the folder`);
  return { slug: row.slug, number: row.number, definition, policy: row };
}

/**
 * Every service under `dir`, ordered by number. Imports run in parallel (module loading dominates), and only
 * `sNN-*` folders with an index.ts count, so `_shared/` and work in progress elsewhere are ignored.
 */
export async function loadServices(options: { dir?: string; only?: readonly string[] } = {}): Promise<RegisteredService[]> {
  const dir = options.dir ?? SERVICES_DIR;
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && /^s\d{2}-/.test(e.name) && existsSync(join(dir, e.name, 'index.ts')))
    .map((e) => e.name)
    .filter((name) => !options.only || options.only.includes(name));
  if (options.only) {
    const missing = options.only.filter((slug) => !folders.includes(slug));
    if (missing.length) throw new ServiceRegistryError(`unknown service(s): ${missing.join(', ')}`);
  }
  const services = await Promise.all(
    folders.map(async (folder) => {
      const module = (await import(pathToFileURL(join(dir, folder, 'index.ts')).href)) as { default?: ServiceDefinition };
      if (!module.default) throw new ServiceRegistryError(`services/${folder}/index.ts: no default export (export default defineService({...}))`);
      return registerService(folder, module.default);
    }),
  );
  const seen = new Map<number, string>();
  for (const s of services) {
    const other = seen.get(s.number);
    if (other) throw new ServiceRegistryError(`services/${s.slug} and services/${other} both define service ${s.number}`);
    seen.set(s.number, s.slug);
  }
  return services.sort((a, b) => a.number - b.number);
}
