import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { newestFirst } from '../_shared/chronology.ts';
import { bailiffKind, openProceedingsOf } from '../_shared/enforcement-proceedings.ts';
import { addDays, dateWithin, earlier, later, RECORDS_UNTIL } from '../_shared/record-dates.ts';

const KINDS = ['REGISTRATION_ACTIONS', 'REGISTRATION_ACTIONS', 'LIQUIDATION', 'REORGANISATION', 'CHANGE_OF_PARTICIPANTS'] as const;

function prohibitions(bin: string, world: World) {
  const entity = world.legalEntity(bin);
  const r = world.rng('s59', bin);
  if (!entity || !r.chance(entity.status === 'ACTIVE' ? 0.05 : 0.15)) return null;
  const open = openProceedingsOf({ bin }, world);
  const list = Array.from({ length: r.int(1, 2) }, () => {
    // A bailiff prohibits in the entity's open enforcement proceedings (service 18); otherwise a court or investigator.
    const proceeding = r.chance(0.6) ? open[0] : undefined;
    const imposedBy = proceeding ? bailiffKind(proceeding) : r.pick(['INVESTIGATOR', 'COURT'] as const);
    const documentDate = dateWithin(r, later(later(entity.registeredOn, proceeding?.openedOn ?? '2012-01-01'), '2012-01-01'), addDays(RECORDS_UNTIL, -3));
    const registeredOn = earlier(addDays(documentDate, r.int(0, 5)), RECORDS_UNTIL);
    const lifted = r.chance(0.3);
    const criminal = imposedBy === 'INVESTIGATOR';
    return {
      kind: r.pick(KINDS),
      appliesTo: entity.legalForm === 'BRANCH' ? r.pick(['BRANCH', 'REPRESENTATIVE_OFFICE'] as const) : 'LEGAL_ENTITY',
      imposedBy,
      imposingBody: proceeding
        ? proceeding.enforcementOffice
        : criminal
          ? `Investigation department of the Police Department of ${entity.address.region}`
          : `Specialised inter-district economic court of ${entity.address.region}`,
      documentNumber: `${r.int(1, 9999)}`,
      documentDate,
      registeredOn,
      registeredBy: `Department of Justice of ${entity.address.region} (registration of legal entities)`,
      groundsCaseNumber: proceeding
        ? proceeding.proceedingNumber
        : criminal
          ? `${documentDate.slice(2, 4)}${r.digits(13)}`
          : `${r.int(2, 7)}${r.digits(3)}-${documentDate.slice(2, 4)}-00-2/${r.int(1, 9999)}`,
      status: lifted ? 'LIFTED' : 'ACTIVE',
      liftedOn: lifted ? dateWithin(r, registeredOn, RECORDS_UNTIL) : null,
    };
  });
  return { legalEntityProhibitions: newestFirst(list, (p) => p.registeredOn) };
}

export default defineService({
  number: 59,
  typeDefs: /* GraphQL */ `
    "What the prohibition forbids."
    enum LegalEntityProhibitionKind {
      "Any state registration actions (re-registration, changes to the charter)."
      REGISTRATION_ACTIONS
      "Voluntary liquidation."
      LIQUIDATION
      "Reorganisation (merger, division, transformation)."
      REORGANISATION
      "Change of the participants (founders) or of their shares."
      CHANGE_OF_PARTICIPANTS
    }

    "Which unit the prohibition concerns."
    enum LegalEntityProhibitionScope {
      LEGAL_ENTITY
      BRANCH
      REPRESENTATIVE_OFFICE
    }

    "Who imposed the prohibition."
    enum LegalEntityProhibitionAuthority {
      PRIVATE_BAILIFF
      STATE_BAILIFF
      INVESTIGATOR
      COURT
    }

    "State of the prohibition."
    enum LegalEntityProhibitionStatus {
      ACTIVE
      LIFTED
    }

    "A prohibition of registration actions on a legal entity, branch or representative office (justice bodies)."
    type LegalEntityProhibition {
      "What the prohibition forbids."
      kind: LegalEntityProhibitionKind!
      "The entity itself, a branch or a representative office."
      appliesTo: LegalEntityProhibitionScope!
      "Kind of body that imposed it."
      imposedBy: LegalEntityProhibitionAuthority!
      "Name of the body or officer that imposed it."
      imposingBody: String!
      "Number of the order, ruling or decision."
      documentNumber: String!
      "Date of the order, ruling or decision."
      documentDate: Date!
      "Date it was entered in the national register of business identification numbers."
      registeredOn: Date!
      "Registering justice body."
      registeredBy: String!
      "Number of the enforcement proceedings, criminal case or court case it was imposed in."
      groundsCaseNumber: String!
      "Whether the prohibition is in force."
      status: LegalEntityProhibitionStatus!
      "Date the prohibition was lifted."
      liftedOn: Date
    }

    type LegalEntity @key(fields: "bin") {
      bin: BIN!
      "Prohibitions on the entity, its branches and representative offices (service 59), newest first."
      legalEntityProhibitions: [LegalEntityProhibition!]!
    }
  `,
  mock: { entities: { LegalEntity: prohibitions } },
  example: { entity: 'LegalEntity', selection: 'legalEntityProhibitions { kind appliesTo imposedBy documentNumber documentDate status }' },
});
