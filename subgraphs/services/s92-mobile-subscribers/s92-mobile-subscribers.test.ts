import { describe, expect, it } from 'vitest';
import { mobileNumber, otherMobileNumbers } from '@negiz/mocks/phones.ts';
import { createWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = createWorld({ seed: 's92-test', persons: 1000, legalEntities: 100 });
const probe = probeService(service, world);
const LOOKUP = 'query($n: String!) { mobileSubscription(phoneNumber: $n) { phoneNumber operator status subscriber { iin } } }';

// Thousands of subjects per query on a shared 2-core machine: allow for a busy neighbour.
const SLOW_MACHINE = 30_000;

describe('s92 mobile citizens database', () => {
  it(
    "list the person's registered mobile number as an active subscription",
    async () => {
      const person = Array.from({ length: 100 }, (_, i) => world.personAt(i)).find((p) => p.mobilePhone)!;
      const [answer] = await probe.entities<{ mobileSubscriptions: Array<{ phoneNumber: string; status: string }> }>(
        'Person',
        [person.iin],
        'mobileSubscriptions { phoneNumber status }',
      );
      const own = answer!.mobileSubscriptions.find((s) => s.phoneNumber === `+7${person.mobilePhone!.replace(/\D/g, '').slice(1)}`);
      expect(own?.status).not.toBe('DEACTIVATED');
    },
    SLOW_MACHINE,
  );

  it(
    'find the subscriber of a number written in any usual format',
    async () => {
      const person = Array.from({ length: 100 }, (_, i) => world.personAt(i)).find((p) => p.mobilePhone)!;
      const national = person.mobilePhone!.replace(/\D/g, '').slice(1);
      for (const written of [person.mobilePhone!, `8${national}`, `+7 (${national.slice(0, 3)}) ${national.slice(3)}`]) {
        const found = (await probe.query(LOOKUP, { n: written })).mobileSubscription as { subscriber: { iin: string } } | null;
        expect(found?.subscriber, written).toEqual({ iin: person.iin });
      }
    },
    SLOW_MACHINE,
  );

  it(
    "find a person's other numbers (a second SIM, numbers given up) as their subscriptions too",
    async () => {
      const people = Array.from({ length: 100 }, (_, i) => world.personAt(i));
      const person = people.find((p) => otherMobileNumbers(world, p.iin).length > 0)!;
      const [answer] = await probe.entities<{ mobileSubscriptions: Array<{ phoneNumber: string }> }>(
        'Person',
        [person.iin],
        'mobileSubscriptions { phoneNumber }',
      );
      for (const other of otherMobileNumbers(world, person.iin)) {
        const phoneNumber = `+7${other.replace(/\D/g, '').slice(1)}`;
        expect(answer!.mobileSubscriptions.map((s) => s.phoneNumber)).toContain(phoneNumber);
        const found = (await probe.query(LOOKUP, { n: other })).mobileSubscription as { phoneNumber: string; subscriber: { iin: string } } | null;
        expect(found).toMatchObject({ phoneNumber, subscriber: { iin: person.iin } });
      }
    },
    SLOW_MACHINE,
  );

  it(
    'look a number up in a 1,000,000-person world without scanning it',
    async () => {
      const big = createWorld({ seed: 's92-test', persons: 1_000_000, legalEntities: 100 });
      const bigProbe = probeService(service, big);
      const person = Array.from({ length: 20 }, (_, k) => big.personAt(999_000 + k)).find((p) => p.mobilePhone)!;
      const started = performance.now();
      const found = (await bigProbe.query(LOOKUP, { n: person.mobilePhone! })).mobileSubscription as { subscriber: { iin: string } } | null;
      expect(found?.subscriber).toEqual({ iin: person.iin });
      // A scan would derive a million persons (minutes); decoding the number takes a moment.
      expect(performance.now() - started).toBeLessThan(5_000);
    },
    SLOW_MACHINE,
  );

  it(
    'answer null for a number nobody holds',
    async () => {
      expect((await probe.query(LOOKUP, { n: '+7 000 000 00 00' })).mobileSubscription).toBeNull();
      const withoutPhone = Array.from({ length: 100 }, (_, i) => world.personAt(i)).find((p) => !p.mobilePhone)!;
      // The number the person would have on line 0 is nobody's while they have no phone.
      const unheld = mobileNumber(world.seed, world.personIndex(withoutPhone.iin)!, 0);
      expect((await probe.query(LOOKUP, { n: unheld })).mobileSubscription).toBeNull();
    },
    SLOW_MACHINE,
  );
});
