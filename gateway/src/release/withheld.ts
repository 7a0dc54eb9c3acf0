/**
 * At release: a withheld field is `null` in the response, with one error per path naming the rule. The walk
 * follows the release plan recorded by the pruning, so it visits only the branches that hold withheld fields.
 */
import { Kind, type DirectiveNode, type ValueNode } from 'graphql';
import type { RuleRef } from '@negiz/schema';
import { PROBE_KEY, type ReleaseNode, type Withheld } from '../policy/prune.ts';

export interface WithheldError {
  message: string;
  path: Array<string | number>;
  extensions: { code: Withheld['code']; rule: RuleRef; service: string };
}

export interface WithheldRecord {
  path: string;
  coordinate: string;
  service: string;
  code: string;
  rule: RuleRef;
}

type Variables = Readonly<Record<string, unknown>>;

function valueOf(node: ValueNode | undefined, variables: Variables, defaults: Readonly<Record<string, ValueNode>>): unknown {
  if (!node) return undefined;
  if (node.kind === Kind.BOOLEAN) return node.value;
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (variables[name] !== undefined) return variables[name];
    return valueOf(defaults[name], variables, defaults);
  }
  return undefined;
}

/** Whether `@skip`/`@include` let the field through for these variables. */
function included(conditions: readonly DirectiveNode[], variables: Variables, defaults: Readonly<Record<string, ValueNode>>): boolean {
  for (const d of conditions) {
    const value = valueOf(d.arguments?.find((a) => a.name.value === 'if')?.value, variables, defaults) === true;
    if (d.name.value === 'skip' && value) return false;
    if (d.name.value === 'include' && !value) return false;
  }
  return true;
}

export function releaseWithheld(
  data: Record<string, unknown> | null | undefined,
  root: ReleaseNode,
  variables: Variables,
  defaults: Readonly<Record<string, ValueNode>>,
  slugOf: (service: number) => string,
): { errors: WithheldError[]; withheld: WithheldRecord[] } {
  const errors: WithheldError[] = [];
  const withheld: WithheldRecord[] = [];
  const seen = new Set<string>();

  const walk = (value: unknown, node: ReleaseNode, path: Array<string | number>): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, node, [...path, i]));
      return;
    }
    const object = value as Record<string, unknown>;
    let typename: unknown;
    if (node.probe) {
      typename = object[PROBE_KEY];
      delete object[PROBE_KEY];
    }
    for (const entry of node.entries) {
      if (entry.types && (typeof typename !== 'string' || !entry.types.has(typename))) continue;
      if (!included(entry.conditions, variables, defaults)) continue;
      const here = [...path, entry.responseKey];
      if (entry.withheld) {
        const key = here.join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        object[entry.responseKey] = null;
        const w = entry.withheld;
        const service = slugOf(w.service);
        errors.push({ message: w.message, path: here, extensions: { code: w.code, rule: w.rule, service } });
        withheld.push({ path: here.join('.'), coordinate: w.coordinate, service, code: w.code, rule: w.rule });
      } else if (entry.child) {
        walk(object[entry.responseKey], entry.child, here);
      }
    }
  };
  walk(data, root, []);
  return { errors, withheld };
}
