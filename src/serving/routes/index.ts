/** Every route group of the server, registered in this order by app.ts. Add one line per group folder. */
import type { FastifyInstance } from 'fastify';
import type { ServingDeps } from '../deps.js';
import { systemRoutes } from './system/index.js';

/** A route group: a Fastify plugin that receives the server's dependencies. */
export type RoutePlugin = (app: FastifyInstance, deps: ServingDeps) => Promise<void>;

export const routePlugins: { name: string; plugin: RoutePlugin }[] = [{ name: 'system', plugin: systemRoutes }];
