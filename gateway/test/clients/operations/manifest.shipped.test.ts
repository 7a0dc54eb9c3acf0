/** The operations and clients shipped in schema/: they load, and each operation passes the checks of `operations add`. */
import { describe, expect, it } from 'vitest';
import { checkOperation } from '../../../src/clients/operations/check.ts';
import { loadManifest } from '../../../src/clients/operations/manifest.ts';
import { loadClientRegistry } from '../../../src/clients/operations/registry.ts';
import { readSupergraph } from '../../../src/policy/supergraph.ts';
import { realSupergraphSdl } from '../fixtures/real-dossier.ts';

const manifest = loadManifest();
const clients = loadClientRegistry(manifest);
const sdl = realSupergraphSdl();

describe('shipped persisted operations', () => {
  it('hold the three sample court operations, each allowed to a court system', () => {
    const names = [...manifest.operations.values()].map((o) => o.name).sort();
    expect(names).toEqual(['CivilCasePropertyAndArrests', 'CriminalDefendantIdentityAndConvictions', 'EnforcementDebtorAssets']);
    for (const op of manifest.operations.values()) {
      expect(
        clients.clients.some((c) => c.kind === 'COURT' && clients.allows(c.id, op.id)),
        op.name,
      ).toBe(true);
    }
  });

  it.skipIf(!sdl)('validate against schema/supergraph.graphql and stay within the limits', () => {
    const facts = readSupergraph(sdl!);
    for (const client of clients.clients) {
      for (const allowed of client.operations) {
        const op = manifest.operations.get(allowed.id)!;
        const check = checkOperation(op.body, { supergraph: facts, client });
        expect(check.errors, `${op.name} for ${client.id}`).toEqual([]);
        expect(check.id).toBe(op.id);
        expect(check.never, `${op.name}: fields ${client.id} never sees`).toEqual([]);
      }
    }
  });
});
