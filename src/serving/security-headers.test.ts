import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders, SECURITY_HEADERS } from './security-headers.js';

const securityHeadersOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(headers).filter(([k]) => !['content-type', 'content-length', 'date', 'connection'].includes(k)),
  );

describe('static security headers', () => {
  it('are exactly the headers @fastify/helmet sends with CSP off, on success and on 404', async () => {
    const withHelmet = Fastify();
    await withHelmet.register(helmet, { contentSecurityPolicy: false, global: true });
    withHelmet.get('/x', async () => ({ ok: true }));
    const ours = Fastify();
    installSecurityHeaders(ours);
    ours.get('/x', async () => ({ ok: true }));
    for (const url of ['/x', '/missing']) {
      const expected = securityHeadersOf((await withHelmet.inject({ method: 'GET', url })).headers);
      const actual = securityHeadersOf((await ours.inject({ method: 'GET', url })).headers);
      expect(Object.keys(expected).length).toBeGreaterThan(5);
      expect(actual).toEqual(expected);
      expect(actual).toEqual(SECURITY_HEADERS);
    }
  });
});
