/** The pages of the dashboard and their hash paths (hash routing: page paths never collide with API routes like /models). */
import { lazy } from 'react';

/** One page in the navigation. */
export interface PageDef {
  path: string;
  title: string;
  component: ReturnType<typeof lazy>;
}

export const pages: PageDef[] = [
  { path: '/', title: 'Overview', component: lazy(() => import('./pages/Overview')) },
  { path: '/predict', title: 'Single prediction', component: lazy(() => import('./pages/Predict')) },
  { path: '/batch', title: 'Batch scoring', component: lazy(() => import('./pages/Batch')) },
  { path: '/retention', title: 'Retention', component: lazy(() => import('./pages/Retention')) },
  { path: '/analytics', title: 'Analytics', component: lazy(() => import('./pages/Analytics')) },
  { path: '/monitoring', title: 'Monitoring', component: lazy(() => import('./pages/Monitoring')) },
  { path: '/models', title: 'Models', component: lazy(() => import('./pages/Models')) },
];

/** The page path of the current location hash ("#/batch" → "/batch"). */
export const currentPath = () => {
  const p = window.location.hash.replace(/^#/, '').split('?')[0];
  return p === '' ? '/' : p;
};
