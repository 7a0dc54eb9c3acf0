import { defineService } from '../../src/define.ts';
import type { World } from '@negiz/mocks/model.ts';
import { dateWithin, legalEntitySpan, recordSpan } from '../_shared/record-dates.ts';

const MACHINES = [
  { kind: 'TRACTOR', makes: ['Belarus 82.1', 'Kirovets K-744', 'John Deere 8R 340', 'MTZ-1221', 'Case IH Magnum 340'] },
  { kind: 'COMBINE_HARVESTER', makes: ['Essil 760', 'Acros 595 Plus', 'Claas Tucano 450', 'John Deere S760'] },
  { kind: 'SEEDER', makes: ['Amazone Condor 15001', 'Bourgault 3320', 'SZS-2.1'] },
  { kind: 'SPRAYER', makes: ['Amazone UX 5201', 'Tuman-3'] },
  { kind: 'FORAGE_HARVESTER', makes: ['Don-680M', 'Claas Jaguar 850'] },
  { kind: 'TRAILER', makes: ['2PTS-4', 'NefAZ-8560'] },
] as const;

function machines(owner: 'person' | 'entity', key: string, region: string, span: { from: string; to: string }, world: World) {
  const r = world.rng('s10', key);
  if (!r.chance(owner === 'entity' ? 0.1 : 0.05)) return null;
  return Array.from({ length: owner === 'entity' ? r.int(1, 8) : r.int(1, 2) }, () => {
    const machine = owner === 'person' && r.chance(0.7) ? MACHINES[0] : r.pick(MACHINES);
    const registeredOn = dateWithin(r, span.from, span.to);
    return {
      plate: `${r.digits(2)} ${r.pick(['TA', 'TB', 'TC', 'TD'])} ${r.digits(4)}`,
      kind: machine.kind,
      makeAndModel: r.pick(machine.makes),
      factoryNumber: r.digits(8),
      engineNumber: machine.kind === 'TRAILER' || machine.kind === 'SEEDER' ? null : r.digits(9),
      year: r.int(1985, Number(registeredOn.slice(0, 4))),
      registeredOn,
      registrationCertificateNumber: `AT ${r.digits(7)}`,
      registeredBy: `Agriculture department of the akimat, ${region}`,
    };
  });
}

export default defineService({
  number: 10,
  typeDefs: /* GraphQL */ `
    "Type of self-propelled or trailed agricultural machine."
    enum AgriculturalMachineKind {
      TRACTOR
      COMBINE_HARVESTER
      SEEDER
      SPRAYER
      FORAGE_HARVESTER
      TRAILER
    }

    "A tractor, self-propelled agricultural machine or trailer registered by the local executive body (service 10)."
    type AgriculturalMachine {
      "State registration plate."
      plate: String!
      "Type of machine."
      kind: AgriculturalMachineKind!
      "Make and model."
      makeAndModel: String!
      "Factory (serial) number."
      factoryNumber: String!
      "Engine number (self-propelled machines)."
      engineNumber: String
      "Year of manufacture."
      year: Int!
      "Date of registration to the subject."
      registeredOn: Date!
      "Number of the registration certificate (technical passport)."
      registrationCertificateNumber: String!
      "Body that registered the machine."
      registeredBy: String!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Agricultural machinery registered to the person (service 10)."
      agriculturalMachines: [AgriculturalMachine!]!
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Agricultural machinery registered to the legal entity (service 10)."
      agriculturalMachines: [AgriculturalMachine!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const person = world.person(iin);
        const span = person && recordSpan(person, 18);
        const agriculturalMachines = span && machines('person', iin, person.address.region, span, world);
        return agriculturalMachines ? { agriculturalMachines } : null;
      },
      LegalEntity: (bin, world) => {
        const entity = world.legalEntity(bin);
        const agriculturalMachines = entity && machines('entity', bin, entity.address.region, legalEntitySpan(entity), world);
        return agriculturalMachines ? { agriculturalMachines } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'agriculturalMachines { plate kind makeAndModel year registeredOn }' },
});
