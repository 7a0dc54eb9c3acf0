import type { PersonRecord, Random, World } from '@negiz/mocks/model.ts';

/** Foreign citizens and stateless persons: the subjects of the migration services (76-78, 81). */
export function isForeigner(person: PersonRecord): boolean {
  return person.citizenship !== 'KAZ';
}

/**
 * The world gives every foreign resident a residence permit as their document; the migration services (76, 77, 78)
 * agree on which of them hold a permanent one (the rest live on temporary permits and registrations).
 */
export function isPermanentResident(world: World, person: PersonRecord): boolean {
  return isForeigner(person) && person.document.type === 'RESIDENCE_PERMIT' && world.rng('foreigner-residence', person.iin).chance(0.5);
}

/** A citizen of Kazakhstan from the world (a host, an employer, an inviting person), or undefined after a few tries. */
export function someCitizen(world: World, rng: Random, except: string): PersonRecord | undefined {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = world.personAt(rng.int(0, world.personCount - 1));
    if (candidate.iin !== except && candidate.citizenship === 'KAZ' && !candidate.deathDate) return candidate;
  }
  return undefined;
}

/** The migration service unit of the city where the person lives. */
export function migrationOffice(person: PersonRecord): string {
  return `Migration Service Department of the Police of ${person.address.city}`;
}
