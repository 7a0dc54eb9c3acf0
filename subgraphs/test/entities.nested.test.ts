import { describe, expect, it } from 'vitest';
import { graphql } from 'graphql';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { buildServiceSchema } from '../src/schema.ts';
import { loadServices } from '../src/registry.ts';
import { mockSource } from '../src/source/mock.ts';
import type { DataSource } from '../src/source/types.ts';

const world = defaultWorld();
const services = await loadServices({ only: ['s32-civil-status', 's82-relations-level-1'] });

function schemaOf(slug: string) {
  const definition = services.find((s) => s.slug === slug)!.definition;
  const inner = mockSource(definition, world);
  const calls: number[] = [];
  const source: DataSource = { ...inner, entities: (type, keys) => (calls.push(keys.length), inner.entities(type, keys)) };
  return { schema: buildServiceSchema(definition, source), calls };
}

/** A person with a spouse: their civil-status acts name the spouse, whose own acts the same service holds. */
function married(): string {
  for (let i = 0; i < world.personCount; i += 1) {
    const person = world.personAt(i);
    if (world.family(person.iin).spouse) return person.iin;
  }
  throw new Error('no married person in the world');
}

describe("entities nested in a service's own answers", () => {
  it("fills a nested person's fields of the same service, in one batched call per level", async () => {
    const { schema, calls } = schemaOf('s32-civil-status');
    const iin = married();
    const result = await graphql({
      schema,
      contextValue: {},
      source: `{ _entities(representations: [{ __typename: "Person", iin: "${iin}" }]) { ... on Person { civilStatusActs { parties { person { iin civilStatusActs { kind } } } } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const acts = (
      result.data as { _entities: Array<{ civilStatusActs: Array<{ parties: Array<{ person: { iin: string; civilStatusActs: unknown[] } | null }> }> }> }
    )._entities[0]!.civilStatusActs;
    const others = acts
      .flatMap((a) => a.parties)
      .map((p) => p.person)
      .filter((p) => p && p.iin !== iin);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(other!.civilStatusActs.length).toBeGreaterThan(0);
    expect(calls[0]).toBe(1);
    expect(calls.length).toBe(2); // the subject, then every nested person in one batch
  });

  it('resolves links of links (service 82) without null errors', async () => {
    const { schema } = schemaOf('s82-relations-level-1');
    const iin = married();
    const result = await graphql({
      schema,
      contextValue: {},
      source: `{ _entities(representations: [{ __typename: "Person", iin: "${iin}" }]) { ... on Person { directRelations { kind person { directRelations { kind } } } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const relations = (result.data as { _entities: Array<{ directRelations: Array<{ person: { directRelations: unknown[] } | null }> }> })._entities[0]!
      .directRelations;
    expect(relations.some((r) => (r.person?.directRelations.length ?? 0) > 0)).toBe(true);
  });
});
