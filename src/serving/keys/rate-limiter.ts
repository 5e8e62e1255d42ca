/**
 * Rate limits per API key (per client address without a key): a fixed window of `windowMs` per client, counted in
 * memory or, with Redis, in one shared counter per client (INCR + PEXPIRE in one Lua call). The hook is synchronous
 * in memory and reuses one window object per client, so a request allocates nothing for its limit check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Redis } from 'ioredis';
import { ChurnError } from '../../errors/index.js';

/** One client's window after a request was counted: requests so far and when the window ends (epoch ms). */
export interface RateWindow {
  count: number;
  resetAt: number;
}

/** Counts requests per client. */
export interface RateLimiter {
  /** Counts one request of `client` at `now`; the window after counting (a promise when the count is remote). */
  hit(client: string, now: number): RateWindow | Promise<RateWindow>;
}

/** In-process windows; at most `maxClients` remembered (expired ones dropped first, then the oldest). */
export function memoryRateLimiter(windowMs: number, maxClients = 10_000): RateLimiter {
  const windows = new Map<string, RateWindow>();
  const makeRoom = (now: number) => {
    for (const [client, w] of windows) if (w.resetAt <= now) windows.delete(client);
    if (windows.size >= maxClients) windows.delete(windows.keys().next().value as string);
  };
  return {
    hit(client, now) {
      let w = windows.get(client);
      if (w === undefined) {
        if (windows.size >= maxClients) makeRoom(now);
        w = { count: 0, resetAt: now + windowMs };
        windows.set(client, w);
      } else if (w.resetAt <= now) {
        w.count = 0;
        w.resetAt = now + windowMs;
      }
      w.count++;
      return w;
    },
  };
}

const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

type RateHitCommand = (key: string, windowMs: number) => Promise<[number, number]>;

/** Windows shared by every instance through Redis, under `<prefix><client>`. */
export function redisRateLimiter(redis: Redis, windowMs: number, prefix = 'churn-rl-'): RateLimiter {
  const commands = redis as unknown as { churnRateHit?: RateHitCommand };
  if (commands.churnRateHit === undefined) redis.defineCommand('churnRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const hit = (redis as unknown as { churnRateHit: RateHitCommand }).churnRateHit.bind(redis);
  return {
    hit: (client, now) => hit(prefix + client, windowMs).then(([count, ttl]) => ({ count, resetAt: now + Math.max(0, ttl) })),
  };
}

/** How the hook limits: requests per window, and which routes are exempt (probes). */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
  exempt(routeUrl: string | undefined): boolean;
}

/**
 * Installs the limit as an onRequest hook (after auth, so the key is known): `x-ratelimit-limit`, `-remaining` and
 * `-reset` (seconds) on every limited reply; over the limit, 429 CHURN_ERR_RATE_LIMIT with `retry-after`.
 */
export function installRateLimit(app: FastifyInstance, limiter: RateLimiter, options: RateLimitOptions): void {
  const { max, windowMs, exempt } = options;
  const maxText = String(max);
  const windowText = windowMs % 1000 === 0 ? `${windowMs / 1000} s` : `${windowMs} ms`;
  const verdict = (reply: FastifyReply, w: RateWindow, now: number): ChurnError | undefined => {
    const resetSeconds = Math.max(0, Math.ceil((w.resetAt - now) / 1000));
    reply.header('x-ratelimit-limit', maxText);
    reply.header('x-ratelimit-remaining', w.count >= max ? '0' : String(max - w.count));
    reply.header('x-ratelimit-reset', String(resetSeconds));
    if (w.count <= max) return undefined;
    reply.header('retry-after', String(resetSeconds));
    return new ChurnError(
      'CHURN_ERR_RATE_LIMIT',
      `Rate limit of ${max} requests per ${windowText} reached; retry in ${resetSeconds} s`,
      { max, retryAfterSeconds: resetSeconds },
    );
  };
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (exempt(request.routeOptions.url)) return done();
    const now = Date.now();
    const w = limiter.hit(request.apiKey?.keyId ?? request.ip, now);
    if (w instanceof Promise) w.then((x) => done(verdict(reply, x, now)), done);
    else done(verdict(reply, w, now));
  });
}
