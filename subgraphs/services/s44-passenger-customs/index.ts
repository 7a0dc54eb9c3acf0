import type { World } from '@negiz/mocks/model.ts';
import { defineService } from '../../src/define.ts';
import { citizenCrossings } from '../s33-border-citizens/index.ts';
import { foreignerCrossings } from '../s34-border-foreigners/index.ts';

const GOODS = [
  ['Cash in foreign currency above USD 10,000', 'CASH'],
  ['Personal-use goods above the duty-free allowance (EUR 500 / 25 kg by air)', 'GOODS'],
  ['Jewellery and gold items', 'GOODS'],
  ['Mobile phones and laptops (more than personal use)', 'GOODS'],
  ['Hunting rifle with ammunition (temporary export)', 'WEAPON'],
  ['Motor car for personal use (temporary import)', 'VEHICLE'],
  ['Cultural valuables (carpet, painting)', 'GOODS'],
] as const;

/**
 * A passenger declaration is filed when crossing the border, so each one sits on a crossing that the Border
 * Service (services 33 and 34) recorded: same checkpoint, same moment.
 */
function declarations(iin: string, world: World) {
  const person = world.person(iin);
  if (!person) return null;
  const crossings =
    person.citizenship === 'KAZ'
      ? citizenCrossings(iin, world)?.borderCrossings.map((c) => ({ at: c.crossedAt, direction: c.direction, checkpoint: c.checkpoint }))
      : foreignerCrossings(iin, world)?.foreignerBorderCrossings.map((c) => ({ at: c.crossedAt, direction: c.direction, checkpoint: c.checkpoint }));
  const r = world.rng('s44', iin);
  if (!crossings || person.birthDate > '2008-11-01' || !r.chance(0.2)) return null;
  const list = crossings
    .filter(() => r.chance(0.35))
    .map((crossing) => {
      const [goodsDescription, category] = r.pick(GOODS);
      const customsValueKzt = category === 'CASH' ? r.int(48, 300) * 100_000 : r.int(3, 120) * 10_000;
      const dutiable = category === 'GOODS' && r.chance(0.6);
      const detained = r.chance(0.03);
      return {
        declarationNumber: `55${r.digits(3)}/${crossing.at.slice(2, 4)}${crossing.at.slice(5, 7)}${crossing.at.slice(8, 10)}/${r.digits(7)}`,
        filedAt: crossing.at,
        customsPost: crossing.checkpoint,
        direction: crossing.direction === 'EXIT' ? 'EXPORT' : 'IMPORT',
        goodsCategory: category,
        goodsDescription,
        customsValueKzt,
        dutiesPaidKzt: dutiable && !detained ? Math.round(customsValueKzt * 0.3) : 0,
        decision: detained ? 'DETAINED' : dutiable ? 'RELEASED_AFTER_PAYMENT' : 'RELEASED',
      };
    });
  return list.length ? { passengerCustomsDeclarations: list } : null;
}

export default defineService({
  number: 44,
  typeDefs: /* GraphQL */ `
    "Movement of goods declared by a passenger."
    enum PassengerCustomsDirection {
      "Brought into Kazakhstan (the Eurasian Economic Union)."
      IMPORT
      "Taken out of Kazakhstan."
      EXPORT
    }

    "What the passenger declared."
    enum PassengerGoodsCategory {
      "Cash and monetary instruments."
      CASH
      "Goods for personal use."
      GOODS
      "Civilian weapons and ammunition."
      WEAPON
      "Vehicles for personal use."
      VEHICLE
    }

    "Customs decision on the declaration."
    enum PassengerCustomsDecision {
      RELEASED
      "Released after payment of customs duties and taxes."
      RELEASED_AFTER_PAYMENT
      "Goods detained (administrative offence or prohibited goods)."
      DETAINED
    }

    "A passenger customs declaration filed at the border (State Revenue Committee, customs)."
    type PassengerCustomsDeclaration {
      "Registration number: customs post / date (YYMMDD) / sequence."
      declarationNumber: String!
      "Local time the declaration was filed."
      filedAt: DateTime!
      "Customs post (border checkpoint) where it was filed."
      customsPost: String!
      "Import or export of the goods."
      direction: PassengerCustomsDirection!
      "Cash, goods, weapons or vehicles."
      goodsCategory: PassengerGoodsCategory!
      "Goods as described in the declaration."
      goodsDescription: String!
      "Declared customs value (for cash: the amount), KZT."
      customsValueKzt: Float!
      "Customs duties and taxes paid, KZT."
      dutiesPaidKzt: Float!
      "Customs decision on the goods."
      decision: PassengerCustomsDecision!
    }

    type Person @key(fields: "iin") {
      iin: IIN!
      "Passenger customs declarations (service 44), newest first."
      passengerCustomsDeclarations: [PassengerCustomsDeclaration!]!
    }
  `,
  mock: { entities: { Person: declarations } },
  example: {
    entity: 'Person',
    selection: 'passengerCustomsDeclarations { declarationNumber filedAt customsPost direction goodsDescription customsValueKzt decision }',
  },
});
