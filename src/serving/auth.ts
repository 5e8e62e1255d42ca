/** Authentication and scopes: every route needs a key with its scope unless it is public or the server runs in demo mode. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

/** Installs the auth hook. Unmatched routes (404/405) and public routes pass without a key. */
export function installAuth(app: FastifyInstance, deps: ServingDeps): void {
  app.decorateRequest('apiKey', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (deps.demo) {
      request.apiKey = DEMO;
      return;
    }
    const access = request.routeOptions.config?.access ?? 'predict';
    const header = request.headers['x-api-key'];
    const secret = typeof header === 'string' ? header : '';
    if (access === 'public' || request.routeOptions.url === undefined) {
      if (secret !== '') request.apiKey = await deps.keys.verify(secret);
      return;
    }
    if (secret === '') throw new ChurnError('CHURN_ERR_AUTH', 'This route needs an API key in the x-api-key header', {});
    const key = await deps.keys.verify(secret);
    if (key === null) throw new ChurnError('CHURN_ERR_AUTH', 'The API key is not valid (unknown or revoked)', {});
    if (!key.scopes.includes(access))
      throw new ChurnError(
        'CHURN_ERR_FORBIDDEN',
        `This route needs the "${access}" scope; the key has ${key.scopes.join(', ')}`,
        {
          scope: access,
        },
      );
    request.apiKey = key;
  });
}
