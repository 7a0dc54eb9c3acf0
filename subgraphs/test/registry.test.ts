import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServices, ServiceRegistryError } from '../src/registry.ts';
import { FIXTURE_SERVICES_DIR } from './fixtures/world.ts';

const DEFINE = new URL('../src/define.ts', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function servicesDir(folders: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'negiz-services-'));
  dirs.push(dir);
  for (const [folder, number] of Object.entries(folders)) {
    await mkdir(join(dir, folder));
    await writeFile(
      join(dir, folder, 'index.ts'),
      `import { defineService } from '${DEFINE}';\nexport default defineService({ number: ${number}, typeDefs: 'type Query { x: Int }', mock: {}, example: { entity: 'Person', selection: 'x' } });\n`,
    );
  }
  return dir;
}

describe('service discovery', () => {
  it('joins each definition with its row of Appendix 2, in number order', async () => {
    const services = await loadServices({ dir: FIXTURE_SERVICES_DIR });
    expect(services.map((s) => [s.number, s.slug, s.policy.access.ADMIN_COURT])).toEqual([
      [5, 's05-vehicles', 'full'],
      [11, 's11-pension-contributions', 'truncated'],
      [37, 's37-counter-audits', 'none'],
    ]);
  });

  it('filters by slug and names unknown slugs', async () => {
    expect((await loadServices({ dir: FIXTURE_SERVICES_DIR, only: ['s11-pension-contributions'] })).map((s) => s.slug)).toEqual(['s11-pension-contributions']);
    await expect(loadServices({ dir: FIXTURE_SERVICES_DIR, only: ['s99-nothing'] })).rejects.toThrow('unknown service(s): s99-nothing');
  });

  it('refuses a folder whose name is not the policy slug of its number', async () => {
    const dir = await servicesDir({ 's05-cars': 5 });
    await expect(loadServices({ dir })).rejects.toThrow(
      new ServiceRegistryError('services/s05-cars: service 5 is "s05-vehicles" in services.yaml; rename the folder'),
    );
  });

  it('refuses a number that is not a row of Appendix 2', async () => {
    const dir = await servicesDir({ 's99-extra': 99 });
    await expect(loadServices({ dir })).rejects.toThrow('number 99 is not a row of Appendix 2');
  });
});
