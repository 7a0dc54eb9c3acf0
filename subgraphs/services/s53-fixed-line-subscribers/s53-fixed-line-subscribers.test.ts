import { describe, expect, it } from 'vitest';
import { defaultWorld } from '@negiz/mocks/world.ts';
import { probeService } from '../_shared/service-probe.ts';
import service from './index.ts';

const world = defaultWorld();

describe('s53 fixed-line subscribers', () => {
  it('find the subscriber of a landline number, however the number is written', async () => {
    const probe = probeService(service, world);
    const iins = Array.from({ length: 300 }, (_, i) => world.personAt(i).iin);
    const answers = await probe.entities<{ fixedLineSubscriptions: Array<{ phoneNumber: string | null }> }>(
      'Person',
      iins,
      'fixedLineSubscriptions { phoneNumber }',
    );
    const i = answers.findIndex((a) => a.fixedLineSubscriptions.some((s) => s.phoneNumber));
    expect(i).toBeGreaterThanOrEqual(0);
    const phone = answers[i]!.fixedLineSubscriptions.find((s) => s.phoneNumber)!.phoneNumber!;
    const query = 'query($phone: String!) { fixedLineSubscriber(phoneNumber: $phone) { iin fixedLineSubscriptions { phoneNumber } } }';
    for (const written of [phone, `8${phone.replace(/\D/g, '').slice(1)}`]) {
      const data = await probe.query(query, { phone: written });
      expect((data.fixedLineSubscriber as { iin: string }).iin).toBe(iins[i]);
    }
    expect((await probe.query(query, { phone: '+7 727 0000000' })).fixedLineSubscriber).toBeNull();
  }, 30_000);
});
