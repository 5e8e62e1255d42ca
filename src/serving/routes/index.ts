/** Every route group of the server, registered in this order by app.ts. Add one line per group folder. */
import type { FastifyInstance } from 'fastify';
import type { ServingDeps } from '../deps.js';
import { insightsRoutes } from './insights/index.js';
import { jobRoutes } from './jobs/index.js';
import { modelRoutes } from './models/index.js';
import { monitoringRoutes } from './monitoring/index.js';
import { predictRoutes } from './predict/index.js';
import { systemRoutes } from './system/index.js';

/** A route group: a Fastify plugin that receives the server's dependencies. */
export type RoutePlugin = (app: FastifyInstance, deps: ServingDeps) => Promise<void>;

/** One line per group (keep one entry per line so parallel additions merge cleanly). */
export const routePlugins: { name: string; plugin: RoutePlugin }[] = [
  { name: 'system', plugin: systemRoutes },
  { name: 'predict', plugin: predictRoutes },
  { name: 'models', plugin: modelRoutes },
  { name: 'jobs', plugin: jobRoutes },
  { name: 'monitoring', plugin: monitoringRoutes },
  { name: 'insights', plugin: insightsRoutes },
];
