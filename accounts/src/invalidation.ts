/**
 * Telling every gateway replica that an account changed: one Redis pub/sub channel carrying the login. Each
 * replica forgets the account in its local cache at once; while Redis is unreachable the local cache's own age
 * (a second by default) is the bound, and a replica forgets everything when its subscription comes back, since
 * it may have missed messages meanwhile.
 */
import { Redis } from 'ioredis';

export const ACCOUNTS_CHANNEL = 'negiz:accounts:changed';
/** Sent on reconnect: forget every account. */
const EVERYONE = '*';

export interface AccountChanges {
  /** Announces a change (after it committed); never throws: the cache's age still bounds a missed message. */
  publish(login: string): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeListener {
  /** login, or undefined: forget every account. */
  (login: string | undefined): void;
}

const quiet = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (times: number) => Math.min(times * 200, 2000) };

/** How long a change's answer waits for its announcement (Redis slow or reconnecting): the cache's age bounds the rest. */
const PUBLISH_WAIT_MS = 500;

export function redisAccountPublisher(url: string): AccountChanges {
  // Queued while (re)connecting, so that a change right after start or a blip is still announced.
  const redis = new Redis(url, { ...quiet, enableOfflineQueue: true });
  redis.on('error', () => undefined);
  return {
    async publish(login) {
      const sent = redis.publish(ACCOUNTS_CHANNEL, login).catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([sent, new Promise((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)))]);
      clearTimeout(timer);
    },
    async close() {
      redis.disconnect();
    },
  };
}

/** Subscribes a replica's cache to the channel. */
export function redisAccountSubscriber(url: string, listener: ChangeListener): { ready: Promise<void>; close(): Promise<void> } {
  const redis = new Redis(url, { ...quiet, enableOfflineQueue: true, maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  let subscribedOnce = false;
  redis.on('message', (_channel: string, login: string) => listener(login === EVERYONE ? undefined : login));
  const ready = new Promise<void>((resolve) => {
    redis.on('ready', () => {
      // ioredis re-subscribes by itself after a reconnect; messages sent meanwhile are lost, so forget everyone.
      if (subscribedOnce) listener(undefined);
      void redis
        .subscribe(ACCOUNTS_CHANNEL)
        .then(() => {
          subscribedOnce = true;
          resolve();
        })
        .catch(() => undefined);
    });
  });
  return {
    ready,
    async close() {
      redis.disconnect();
    },
  };
}
