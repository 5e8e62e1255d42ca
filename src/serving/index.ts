/** The serving layer: the HTTP API (Fastify), API keys, prediction log, jobs, hot reload. */
export { type AppOptions, buildApp } from './app.js';
export type { ApiKeyIdentity, KeyVerifier, LoggedPrediction, PredictionLog, Scope, ServingDeps } from './deps.js';
export { type ApiKeyRecord, createApiKey, hashKey, listApiKeys, parseScopes, revokeApiKey, SCOPES } from './keys/api-keys.js';
export type { ModelHolder, ServingModel } from './model/holder.js';
export { type Problem, type ProblemField, problemOf, problemType } from './problem.js';
export { type RoutePlugin, routePlugins } from './routes/index.js';
export { pseudonymiser, type RunningServer, type ServeOptions, startServer } from './server.js';
export { type RunningWorker, startWorker } from './worker.js';
