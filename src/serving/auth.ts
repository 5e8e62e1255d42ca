/** Authentication and scopes: every route needs a key with its scope unless it is public or the server runs in demo mode. */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ChurnError } from '../errors/index.js';
import type { ApiKeyIdentity, Scope, ServingDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: `public` (no key), `predict` (the default) or `admin`. */
    access?: 'public' | Scope;
  }
  interface FastifyRequest {
    /** The verified key of the request (the demo identity in demo mode; null on public routes without a key). */
    apiKey: ApiKeyIdentity | null;
  }
}

const DEMO: ApiKeyIdentity = { keyId: 'demo', name: 'demo', scopes: ['predict', 'admin'] };

/** Sets the request's key when it may call a route of `access`; otherwise the error to answer with. */
function admit(request: FastifyRequest, key: ApiKeyIdentity | null, access: 'public' | Scope): ChurnError | undefined {
  if (access !== 'public') {
    if (key === null) return new ChurnError('CHURN_ERR_AUTH', 'The API key is not valid (unknown or revoked)', {});
    if (!key.scopes.includes(access))
      return new ChurnError(
        'CHURN_ERR_FORBIDDEN',
        `This route needs the "${access}" scope; the key has ${key.scopes.join(', ')}`,
        {
          scope: access,
        },
      );
  }
  request.apiKey = key;
  return undefined;
}

/**
 * Installs the auth hook. Unmatched routes (404/405) and public routes pass without a key. The hook is a callback
 * (not async): a key verified in the last few seconds is answered synchronously, without a promise per request.
 */
export function installAuth(app: FastifyInstance, deps: ServingDeps): void {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (deps.demo) {
      request.apiKey = DEMO;
      return done();
    }
    const access = request.routeOptions.url === undefined ? 'public' : (request.routeOptions.config?.access ?? 'predict');
    const header = request.headers['x-api-key'];
    const secret = typeof header === 'string' ? header : '';
    if (secret === '')
      return done(
        access === 'public'
          ? undefined
          : new ChurnError('CHURN_ERR_AUTH', 'This route needs an API key in the x-api-key header', {}),
      );
    const known = deps.keys.cached(secret);
    if (known !== undefined) return done(admit(request, known, access));
    deps.keys.verify(secret).then((key) => done(admit(request, key, access)), done);
  });
}
