/** Vite build of the dashboard: root web/, output web/dist, served by `churn serve` at `/`. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages and ECharts are split into lazy chunks; the size budget is checked by scripts/size.mjs.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev:web` against a local `churn serve --demo` on port 8000.
    proxy: Object.fromEntries(
      [
        '/health',
        '/model',
        '/models',
        '/predict',
        '/batch_predict',
        '/jobs',
        '/customers',
        '/segments',
        '/retention',
        '/analytics',
        '/importance',
        '/kpis',
        '/drift',
        '/performance',
        '/alerts',
      ].map((p) => [p, 'http://127.0.0.1:8000']),
    ),
  },
});
