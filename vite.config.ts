import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web and is built into dist/web, which the Fastify server serves with a
 * fallback to index.html for client-side routes. In development, `npx vite` proxies the API to a
 * server started separately on port 3000 (`npm run dev`).
 *
 * A second entry, `portal-map` (src/portal-map), is the only script of the public portal: the
 * Leaflet map of /ban-do. It shares no chunk with the app; the server finds its hashed files in
 * the manifest (dist/web/.vite/manifest.json). See docs/decisions/0011-portal-map.md.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  resolve: {
    // Leaflet 1.9's package points at its UMD build; its ES module build needs no CommonJS wrapper.
    alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }],
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    // Minifying drops the libraries' licence comments; their notices (Leaflet's BSD-2-Clause, React's and
    // the others' MIT) travel with the build instead, served at /licenses.md.
    license: { fileName: 'licenses.md' },
    // No source maps in the served build: they would hand the whole source to any visitor (9.6 MB).
    // The dev server (`npx vite`) has its own.
    sourcemap: false,
    rolldownOptions: {
      input: {
        index: path.join(here, 'src/web/index.html'),
        'portal-map': path.join(here, 'src/portal-map/main.ts'),
      },
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize|dayjs)/ },
            // Charts are only drawn on the dashboard: kept out of the vendor chunk every page loads.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            // The public map's library, kept out of the app's vendor chunk so the map page loads it alone.
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
