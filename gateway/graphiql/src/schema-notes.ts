/**
 * Adds to each field's description the state service it comes from, so GraphiQL's documentation explorer shows
 * it (the API schema itself carries no federation directives).
 */
import type { IntrospectionQuery } from 'graphql';
import type { FieldServices } from './api.ts';

export function withServiceNotes(introspection: IntrospectionQuery, services: FieldServices): IntrospectionQuery {
  const types = introspection.__schema.types.map((type) => {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') return type;
    const fields = type.fields.map((field) => {
      const entry = services[`${type.name}.${field.name}`];
      if (!entry) return field;
      const source = entry.services.map((s) => `**Service ${s.number}**: ${s.name} (\`${s.slug}\`)`).join(', ');
      const truncated = entry.truncated ? '\n\n_Withheld where the service is granted only in truncated form (Appendix 2, footnote 1)._' : '';
      const note = `Source: ${source}${truncated}`;
      return { ...field, description: field.description ? `${field.description}\n\n${note}` : note };
    });
    return { ...type, fields };
  });
  return { __schema: { ...introspection.__schema, types } } as IntrospectionQuery;
}
