/**
 * The limits' defaults against the real supergraph (schema/supergraph.graphql): the full dossier of one person,
 * touching all 93 services, passes; the same dossier of every person linked to them is refused.
 */
import { describe, expect, it } from 'vitest';
import { getOperationAST, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { readSupergraph } from '../../../src/policy/supergraph.ts';
import { limitsOptions } from '../../../src/clients/limits/options.ts';
import { checkShape } from '../../../src/clients/limits/shape.ts';
import { subjectsOf } from '../../../src/document/subjects.ts';
import { realDossierQuery, realSupergraphSdl } from '../fixtures/real-dossier.ts';

const sdl = realSupergraphSdl();

describe.skipIf(!sdl)('limits on the real supergraph', () => {
  const facts = readSupergraph(sdl!);
  const schema = facts.apiSchema;
  const limits = limitsOptions();
  const dossier = realDossierQuery(schema);

  it('the full dossier of one person touches all 93 services, concerns one subject, and passes', () => {
    const document = parse(dossier);
    const services = new Set<number>();
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          facts.fields.get(`${typeInfo.getParentType()?.name}.${node.name.value}`)?.services.forEach((s) => services.add(s));
        },
      }),
    );
    expect(services.size).toBe(93);
    const { violations, measure } = checkShape(schema, document, limits);
    expect(violations).toEqual([]);
    expect(measure.cost).toBeLessThan(limits.maxCost * 0.9);
    expect(Buffer.byteLength(JSON.stringify({ query: dossier }))).toBeLessThan(limits.maxBodyBytes);
    expect(subjectsOf(schema, document, getOperationAST(document)!, { iin: '850301300012' })).toHaveLength(1);
  });

  it('the same dossier of every person directly linked to the subject is refused (QUERY_TOO_COSTLY)', () => {
    const inner = dossier.slice(dossier.indexOf('{ person(iin: $iin) {') + '{ person(iin: $iin) {'.length, dossier.lastIndexOf('} }'));
    const harvest = `query Links($iin: IIN!) { person(iin: $iin) { directRelations { person { ${inner} } } } }`;
    const { violations } = checkShape(schema, parse(harvest), limits);
    expect(violations.map((v) => v.code)).toContain('QUERY_TOO_COSTLY');
  });
});
