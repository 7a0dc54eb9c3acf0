/**
 * Canonical JSON: the exact bytes the Merkle leaves commit to. Object keys sorted by UTF-16 code unit order,
 * no whitespace, `undefined` members omitted, arrays in order, only finite numbers. Two encoders that follow
 * these rules produce the same bytes, so an outside verifier can recompute any leaf (docs/journal.md).
 */
export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical | undefined };

/**
 * Written with plain loops and one string concatenation (no map/filter/join arrays): every journal entry goes
 * through here twice on the record() path, and the allocations showed up in the group-commit profile.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += canonicalJson(value[i] ?? null);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const member = record[key];
        if (member === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON: unsupported ${typeof value}`);
  }
}
