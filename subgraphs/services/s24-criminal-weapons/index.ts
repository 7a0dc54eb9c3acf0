import { defineService } from '../../src/define.ts';
import type { WeaponRecord, World } from '@negiz/mocks/model.ts';
import { dateWithin, RECORDS_UNTIL } from '../_shared/record-dates.ts';
import { registration } from '../s06-weapons/index.ts';
import { pretrialRegisterNumber } from '../_shared/criminal-code.ts';

/** Exactly the weapons the world marks as wanted are in this database. */
function wanted(weapon: WeaponRecord | undefined, world: World) {
  if (!weapon?.wanted) return null;
  const r = world.rng('s24', weapon.serialNumber);
  const wantedSince = dateWithin(r, registration(weapon, world, false).registeredOn as string, RECORDS_UNTIL);
  const reason = r.pick(['STOLEN', 'STOLEN', 'LOST', 'USED_IN_CRIME'] as const);
  const region = world.person(weapon.ownerIin)?.address.region;
  return {
    serialNumber: weapon.serialNumber,
    criminalWeaponRecord: {
      searchCaseNumber: `RO-${wantedSince.slice(0, 4)}-${r.digits(6)}`,
      pretrialRegisterNumber: reason === 'LOST' ? null : pretrialRegisterNumber(wantedSince.slice(0, 4), r.digits(4), r.digits(9)),
      reason,
      wantedSince,
      lastHolderIin: weapon.ownerIin,
      initiator: `Police department of ${region ?? 'the region'}`,
      status: 'WANTED',
    },
  };
}

export default defineService({
  number: 24,
  typeDefs: /* GraphQL */ `
    "Why the weapon is in the criminal weapons database."
    enum CriminalWeaponReason {
      STOLEN
      LOST
      "Used in committing a crime."
      USED_IN_CRIME
    }

    "State of the search for the weapon."
    enum CriminalWeaponSearchStatus {
      WANTED
      FOUND
    }

    "A record of the criminal weapons database: a weapon stolen, lost or used in a crime (service 24)."
    type CriminalWeaponRecord {
      "Number of the search case."
      searchCaseNumber: String!
      "Number of the criminal case, when one was opened."
      pretrialRegisterNumber: String
      "Why the weapon is recorded."
      reason: CriminalWeaponReason!
      "Date the search was declared."
      wantedSince: Date!
      "IIN of the lawful holder when the weapon was lost."
      lastHolderIin: IIN!
      "Body that declared the search."
      initiator: String!
      "State of the search."
      status: CriminalWeaponSearchStatus!
    }

    type Weapon @key(fields: "serialNumber") {
      serialNumber: String!
      "The record when the weapon is wanted (service 24); null otherwise."
      criminalWeaponRecord: CriminalWeaponRecord
    }

    type Query {
      "The weapon with this serial number when it is wanted (service 24); null when it is not."
      criminalWeapon(serialNumber: String!): Weapon
    }
  `,
  mock: {
    entities: { Weapon: (serialNumber, world) => wanted(world.weapon(serialNumber), world) },
    queries: { criminalWeapon: (args, world) => wanted(world.weapon(String(args.serialNumber)), world) },
  },
  example: { entity: 'Weapon', selection: 'criminalWeaponRecord { searchCaseNumber reason wantedSince initiator status }' },
});
