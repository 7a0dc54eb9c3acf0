/**
 * What the supergraph says about every field: the one service that resolves it (`@join__field`, or the type's
 * only `@join__type`) and whether it carries `@truncated`. The API schema the gateway serves strips both, so
 * they are read from the supergraph SDL itself (stack-notes: composed directives).
 */
import federationInternals from '@apollo/federation-internals';
import { Kind, parse, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import { policy, type Policy } from '@negiz/schema';

const { Supergraph, isObjectType, isInterfaceType } = federationInternals;

export interface FieldFacts {
  /** Service numbers (rows of Appendix 2) that resolve the field; empty for entity keys and shared scalars. */
  services: readonly number[];
  truncated: boolean;
}

export interface SupergraphFacts {
  /** The schema clients see (no `_entities`, `_service`, `join__*`, `@truncated`). */
  apiSchema: GraphQLSchema;
  /** `Type.field` -> facts; a coordinate absent here is neutral (introspection, `__typename`). */
  fields: ReadonlyMap<string, FieldFacts>;
  /** Subgraph name -> service number, for the subgraphs the supergraph composes. */
  services: ReadonlyMap<string, number>;
  /** Service number -> subgraph name. */
  subgraphNames: ReadonlyMap<number, string>;
}

/** The service number of a subgraph: its policy slug (`s05-vehicles`), else the number in its name. */
function serviceNumber(name: string, p: Policy): number {
  const bySlug = p.servicesBySlug.get(name);
  if (bySlug) return bySlug.number;
  const match = /^s(\d{2})(?:-|$)/.exec(name);
  if (match) return Number(match[1]);
  throw new Error(`supergraph: subgraph "${name}" is not a service of Appendix 2 (name it by its slug, e.g. s05-vehicles)`);
}

/**
 * `apiSchema`: the gateway's own API schema when it has built one (saves building a second); otherwise built here.
 * The supergraph is not validated again here: @apollo/gateway validates the same SDL before serving it.
 */
/**
 * Reads the facts from the supergraph SDL's syntax tree: the join directives and `@truncated` are plain
 * directives there, so no second schema model is built next to the gateway's (that cost about 35 MB at start).
 * `readSupergraphModel` (federation-internals' Supergraph.build) gives the same facts; a test keeps them equal.
 * `apiSchema`: the gateway's own API schema when it has built one; otherwise built here.
 */
export function readSupergraph(sdl: string, p: Policy = policy(), apiSchema?: GraphQLSchema): SupergraphFacts {
  const document = parse(sdl, { noLocation: true });
  const enumToName = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const name = argumentOf(
        value.directives?.find((d) => d.name.value === 'join__graph'),
        'name',
      );
      if (typeof name === 'string') enumToName.set(value.name.value, name);
    }
  }
  const { services, subgraphNames, graphService } = serviceNumbers(enumToName, p);
  const fields = new Map<string, FieldFacts>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    if (def.name.value.startsWith('join__') || def.name.value.startsWith('link__')) continue;
    const typeGraphs = (def.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => graphService(argumentOf(d, 'graph')));
    for (const field of def.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field' && argumentOf(d, 'external') !== true);
      const truncated = (field.directives ?? []).some((d) => d.name.value === 'truncated');
      fields.set(`${def.name.value}.${field.name.value}`, {
        services: owners(
          joins.map((d) => graphService(argumentOf(d, 'graph'))),
          typeGraphs,
          joins.length > 0,
        ),
        truncated,
      });
    }
  }
  return {
    apiSchema: apiSchema ?? federationInternals.Supergraph.build(sdl, { validateSupergraph: false }).apiSchema().toGraphQLJSSchema(),
    fields,
    services,
    subgraphNames,
  };
}

/** The same facts through federation-internals' schema model (the reference the syntax-tree reading is checked against). */
export function readSupergraphModel(sdl: string, p: Policy = policy()): Omit<SupergraphFacts, 'apiSchema'> {
  const supergraph = Supergraph.build(sdl, { validateSupergraph: false });
  const enumToName = new Map<string, string>();
  for (const [name, enumValue] of supergraph.subgraphNameToGraphEnumValue()) enumToName.set(enumValue, name);
  const { services, subgraphNames, graphService } = serviceNumbers(enumToName, p);
  const fields = new Map<string, FieldFacts>();
  for (const type of supergraph.schema.types()) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    const typeGraphs = type.appliedDirectivesOf('join__type').map((d) => graphService(d.arguments().graph));
    for (const field of type.fields()) {
      const joins = field.appliedDirectivesOf('join__field').filter((d) => !d.arguments().external);
      const truncated = field.appliedDirectives.some((d) => d.name === 'truncated');
      fields.set(`${type.name}.${field.name}`, {
        services: owners(
          joins.map((d) => graphService(d.arguments().graph)),
          typeGraphs,
          joins.length > 0,
        ),
        truncated,
      });
    }
  }
  return { fields, services, subgraphNames };
}

function argumentOf(directive: ConstDirectiveNode | undefined, name: string): unknown {
  const value = directive?.arguments?.find((a) => a.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.ENUM || value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function serviceNumbers(enumToName: ReadonlyMap<string, string>, p: Policy) {
  const services = new Map<string, number>();
  const subgraphNames = new Map<number, string>();
  for (const name of enumToName.values()) {
    const n = serviceNumber(name, p);
    services.set(name, n);
    subgraphNames.set(n, name);
  }
  const graphService = (graph: unknown): number | undefined => {
    const name = typeof graph === 'string' ? enumToName.get(graph) : undefined;
    return name === undefined ? undefined : services.get(name);
  };
  return { services, subgraphNames, graphService };
}

/** A field with @join__field belongs to those graphs; without, to every graph declaring its type: one owner, or a shared key. */
function owners(joined: ReadonlyArray<number | undefined>, typeGraphs: ReadonlyArray<number | undefined>, hasJoins: boolean): number[] {
  const list = hasJoins ? joined : typeGraphs.length === 1 ? typeGraphs : [];
  return [...new Set(list.filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
}
