/**
 * The security headers of every reply: the set @fastify/helmet sends with its defaults (CSP off: the server serves JSON
 * and the docs page), as one static object. Helmet runs eleven middlewares per request to produce the same constant
 * headers; this sets them from one object in a synchronous hook (security-headers.test.ts pins them to helmet's).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** Header name (lower case) → value, exactly as @fastify/helmet 13 sends them with `contentSecurityPolicy: false`. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

function setSecurityHeaders(_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.headers(SECURITY_HEADERS);
  done();
}

/** Adds the headers to every reply, errors and 404s included (set on request, like helmet's own hook). */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', setSecurityHeaders);
}
