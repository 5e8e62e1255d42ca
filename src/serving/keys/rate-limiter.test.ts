import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { installRateLimit, memoryRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limiter.js';

describe('memory rate limiter', () => {
  it('counts per client within a window and starts again when the window ends', () => {
    const limiter = memoryRateLimiter(1000);
    const counts = [0, 100, 999].map((t) => ({ ...(limiter.hit('a', t) as { count: number; resetAt: number }) }));
    expect(counts).toEqual([
      { count: 1, resetAt: 1000 },
      { count: 2, resetAt: 1000 },
      { count: 3, resetAt: 1000 },
    ]);
    expect(limiter.hit('b', 500)).toEqual({ count: 1, resetAt: 1500 });
    expect(limiter.hit('a', 1000)).toEqual({ count: 1, resetAt: 2000 });
  });

  it('reuses one window object per client (no allocation per request)', () => {
    const limiter = memoryRateLimiter(1000);
    const w = limiter.hit('a', 0);
    expect(limiter.hit('a', 1)).toBe(w);
    expect(limiter.hit('a', 5000)).toBe(w);
  });

  it('remembers at most maxClients, dropping expired windows first', () => {
    const limiter = memoryRateLimiter(1000, 2);
    limiter.hit('old', 0);
    limiter.hit('live', 900);
    limiter.hit('live', 950);
    limiter.hit('new', 1200); // full: 'old' expired at 1000 and goes; 'live' keeps its count
    expect(limiter.hit('live', 1300)).toMatchObject({ count: 3 });
    expect(limiter.hit('old', 1300)).toMatchObject({ count: 1 });
  });
});

async function appWith(limiter: RateLimiter, max: number) {
  const app = Fastify();
  installRateLimit(app, limiter, { max, windowMs: 60_000, exempt: (url) => url === '/health' });
  app.get('/x', async () => ({ ok: true }));
  app.get('/health', async () => ({ ok: true }));
  return app;
}

describe('rate limit hook', () => {
  it('sends limit, remaining and reset headers, then 429 with retry-after; probes are exempt', async () => {
    const app = await appWith(memoryRateLimiter(60_000), 2);
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await app.inject({ method: 'GET', url: '/x' }));
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect(replies.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['1', '0', '0']);
    expect(replies[0].headers['x-ratelimit-limit']).toBe('2');
    expect(Number(replies[0].headers['x-ratelimit-reset'])).toBe(60);
    expect(replies[2].headers['retry-after']).toBe('60');
    expect(replies[2].json().message).toMatch(/Rate limit of 2 requests per 60 s reached/);
    const probe = await app.inject({ method: 'GET', url: '/health' });
    expect(probe.statusCode).toBe(200);
    expect(probe.headers['x-ratelimit-limit']).toBeUndefined();
  });
});

const redisUrl = process.env.REDIS_URL ?? '';
describe.skipIf(redisUrl === '')('redis rate limiter', () => {
  const redis = redisUrl === '' ? null : new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  afterAll(() => redis?.disconnect());

  it('shares one counter per client between limiters (instances) with the window as its expiry', async () => {
    const prefix = `churn-rl-test-${process.pid}-${Date.now()}-`;
    const a = redisRateLimiter(redis!, 60_000, prefix);
    const b = redisRateLimiter(redis!, 60_000, prefix);
    const now = Date.now();
    expect((await a.hit('k', now)).count).toBe(1);
    expect((await b.hit('k', now)).count).toBe(2);
    const w = await a.hit('k', now);
    expect(w.count).toBe(3);
    expect(w.resetAt - now).toBeGreaterThan(50_000);
    expect(w.resetAt - now).toBeLessThanOrEqual(60_000);
    expect(await redis!.pttl(`${prefix}k`)).toBeGreaterThan(50_000);
    expect((await a.hit('other', now)).count).toBe(1);
    await redis!.del(`${prefix}k`, `${prefix}other`);
  });
});
