import { describe, expect, it } from 'vitest';
import { redisAccountPublisher, redisAccountSubscriber } from '../src/invalidation.ts';

const REDIS = process.env.NEGIZ_TEST_REDIS ?? 'redis://127.0.0.1:6379';

describe('account change announcements over Redis', () => {
  it('reaches every subscribed replica', async () => {
    const heard: Array<Array<string | undefined>> = [[], []];
    const replicas = heard.map((list) => redisAccountSubscriber(REDIS, (login) => list.push(login)));
    await Promise.all(replicas.map((r) => r.ready));
    const publisher = redisAccountPublisher(REDIS);
    try {
      const login = `user.${Date.now()}`;
      await publisher.publish(login);
      const deadline = Date.now() + 2_000;
      while (Date.now() < deadline && heard.some((list) => !list.includes(login))) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map((list) => list.includes(login))).toEqual([true, true]);
    } finally {
      await publisher.close();
      await Promise.all(replicas.map((r) => r.close()));
    }
  });

  it('never fails a change when Redis cannot be reached', async () => {
    const publisher = redisAccountPublisher('redis://127.0.0.1:1');
    await expect(publisher.publish('someone')).resolves.toBeUndefined();
    await publisher.close();
  });
});
