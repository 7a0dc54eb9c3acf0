/** The services a composed supergraph names (its `join__Graph` values), in its order. */
export function supergraphServices(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!);
}
