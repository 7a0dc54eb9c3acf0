import type { IsoDate, PersonRecord, World } from '@negiz/mocks/model.ts';
import { addDays, dateWithin, recordSpan } from '../_shared/record-dates.ts';

/**
 * The date a person registered as an individual entrepreneur, or null: about one adult in ten. The tax services
 * (35 taxpayers, 38 VAT payers, 39 tax reporting) read it from here so they agree on who is in business.
 */
export function entrepreneurSince(person: PersonRecord, world: World): IsoDate | null {
  const span = recordSpan(person, 18);
  const r = world.rng('s35', 'entrepreneur', person.iin);
  if (!span || !r.chance(0.1)) return null;
  return dateWithin(r, addDays(span.from, 365), span.to);
}
