// The Redis behind the queue: its URL (--redis or FOLIO_REDIS_URL), connections, and the queue's name.
import { Redis } from 'ioredis';
import { FolioError } from '../errors/FolioError.ts';

export const QUEUE_NAME = 'folio-editions';

export function redisUrl(flag: string | undefined): string {
  const url = flag ?? process.env['FOLIO_REDIS_URL'];
  if (!url) throw new FolioError('RedisUrlMissing', {});
  return url;
}

/**
 * A connection for BullMQ. Workers keep retrying while Redis restarts (BullMQ requires
 * maxRetriesPerRequest: null there); one-shot commands give up at once with a message instead.
 */
export function connect(url: string, kind: 'worker' | 'command'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: kind === 'worker' ? null : 1,
    connectTimeout: 5000,
    lazyConnect: true,
    retryStrategy: kind === 'worker' ? (n) => Math.min(n * 200, 5000) : () => null,
  });
}

/** Connects and pings, so a wrong URL is one clear line rather than a hang or a retry storm. */
export async function connected(url: string, kind: 'worker' | 'command'): Promise<Redis> {
  const redis = connect(url, kind);
  let cause: Error | undefined;
  redis.on('error', (e: Error) => (cause ??= e)); // reported below; later drops are retried
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (e) {
    redis.disconnect();
    // "Connection is closed" says less than the socket error behind it (ECONNREFUSED, ENOTFOUND …).
    const detail = (cause ?? (e as Error)).message.split('\n')[0] ?? 'no answer';
    throw new FolioError('RedisUnreachable', { url, detail }, undefined, { cause: e });
  }
}
