import { defineService } from '../../src/define.ts';
import type { WeaponRecord, World } from '@negiz/mocks/model.ts';
import { addYears, dateWithin, earlier, later, RECORDS_FROM, RECORDS_UNTIL } from '../_shared/record-dates.ts';

/**
 * The registration of one weapon (service 24 dates its search after it). The owner is served by this same
 * service (their weapons), so it travels one level deep with the weapon.
 */
export function registration(weapon: WeaponRecord, world: World, withOwner: boolean): Record<string, unknown> {
  const r = world.rng('s06', weapon.serialNumber);
  const person = world.person(weapon.ownerIin);
  const adult = person ? later(RECORDS_FROM, addYears(person.birthDate, 18)) : RECORDS_FROM;
  const registeredOn = dateWithin(r, adult, earlier(weapon.permitValidUntil, RECORDS_UNTIL));
  // Permits run five years; the latest renewal is the one on record.
  const permitIssuedOn = later(registeredOn, addYears(weapon.permitValidUntil, -5));
  return {
    serialNumber: weapon.serialNumber,
    kind: weapon.kind,
    model: weapon.model,
    calibre: weapon.calibre,
    manufacturedYear: r.int(1975, Number(registeredOn.slice(0, 4))),
    registeredOn,
    ownerIin: weapon.ownerIin,
    owner: withOwner ? { iin: weapon.ownerIin, weapons: world.weaponsOf(weapon.ownerIin).map((w) => registration(w, world, false)) } : null,
    permitNumber: weapon.permitNumber,
    permitKind: weapon.kind === 'GAS' || r.chance(0.3) ? 'STORAGE_AND_CARRYING' : 'STORAGE',
    permitIssuedOn,
    permitValidUntil: weapon.permitValidUntil,
    permitIssuedBy: `Licensing and permit department, Police Department of ${person?.address.region ?? 'the region'}`,
  };
}

function bySerial(serialNumber: string, world: World) {
  const weapon = world.weapon(serialNumber);
  return weapon ? registration(weapon, world, true) : null;
}

export default defineService({
  number: 6,
  typeDefs: /* GraphQL */ `
    "Kind of civilian weapon under the law on state control over the circulation of weapons."
    enum WeaponKind {
      "Smoothbore long-barrelled hunting weapon."
      SMOOTHBORE
      "Rifled hunting weapon."
      RIFLED
      "Self-defence weapon firing traumatic (rubber) ammunition."
      TRAUMATIC
      "Gas self-defence weapon."
      GAS
    }

    "What the owner's weapon permit allows."
    enum WeaponPermitKind {
      "Keeping the weapon at the registered address."
      STORAGE
      "Keeping and carrying the weapon."
      STORAGE_AND_CARRYING
    }

    "A civilian weapon registered by the police licensing and permit department (service 6)."
    type Weapon @key(fields: "serialNumber") {
      "Factory serial number."
      serialNumber: String!
      "Kind of weapon."
      kind: WeaponKind!
      "Model."
      model: String!
      "Calibre (gauge for smoothbore weapons)."
      calibre: String!
      "Year of manufacture."
      manufacturedYear: Int!
      "Date the weapon was registered to its current owner."
      registeredOn: Date!
      "IIN of the owner."
      ownerIin: IIN!
      "The owner (present one level deep from the query root)."
      owner: Person
      "Number of the permit to keep (and carry) the weapon."
      permitNumber: String!
      "What the permit allows."
      permitKind: WeaponPermitKind!
      "Date the current permit was issued."
      permitIssuedOn: Date!
      "Expiry date of the permit."
      permitValidUntil: Date!
      "Police unit that issued the permit."
      permitIssuedBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Civilian weapons registered to the person (service 6)."
      weapons: [Weapon!]!
    }

    type Query {
      "A registered weapon by its serial number (service 6); null when none is registered."
      weapon(serialNumber: String!): Weapon
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const weapons = world.weaponsOf(iin);
        return weapons.length ? { weapons: weapons.map((w) => registration(w, world, true)) } : null;
      },
      Weapon: bySerial,
    },
    queries: { weapon: (args, world) => bySerial(String(args.serialNumber), world) },
  },
  example: { entity: 'Person', selection: 'weapons { serialNumber kind model calibre permitNumber permitValidUntil }' },
});
