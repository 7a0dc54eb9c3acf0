import { defineService } from '../../src/define.ts';
import { foreignWorkerViolations } from './mock.ts';

export default defineService({
  number: 57,
  typeDefs: /* GraphQL */ `
    "Decision on the administrative offence."
    enum ForeignWorkerViolationDecision {
      WARNING
      "Administrative fine."
      FINE
      "Fine with administrative expulsion from Kazakhstan (court)."
      FINE_AND_EXPULSION
      "Proceedings terminated."
      TERMINATED
    }

    "An administrative offence of migration or labour law committed by a foreign worker (migration police)."
    type ForeignWorkerViolation {
      "Number of the administrative offence protocol."
      protocolNumber: String!
      "Date of the offence."
      committedOn: Date!
      "Article (and part) of the Code of Administrative Offences."
      article: String!
      "Nature of the violation."
      description: String!
      "Police unit that drew up the protocol."
      detectedBy: String!
      "Employer involved, for unlawful labour activity."
      employer: LegalEntity
      "Decision on the case."
      decision: ForeignWorkerViolationDecision!
      "Date of the decision."
      decidedOn: Date!
      "Body that decided (police or court)."
      decidedBy: String!
      "Fine imposed, KZT (in monthly calculation indices)."
      fineKzt: Float!
      "The fine has been paid."
      finePaid: Boolean!
    }

    type LegalEntity @key(fields: "bin", resolvable: false) {
      bin: BIN!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Migration and labour violations by this foreign citizen (service 57), newest first."
      foreignWorkerViolations: [ForeignWorkerViolation!]!
    }
  `,
  mock: {
    entities: {
      Person: (iin, world) => {
        const violations = foreignWorkerViolations(iin, world);
        return violations.length ? { foreignWorkerViolations: violations } : null;
      },
    },
  },
  example: { entity: 'Person', selection: 'foreignWorkerViolations { protocolNumber committedOn article description decision fineKzt }' },
});
