import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web and is built into dist/web, which the Fastify server serves with a
 * fallback to index.html for client-side routes. In development, `npx vite` proxies the API to a
 * server started separately on port 3000 (`npm run dev`).
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // No source maps in the served build: they would hand the whole source to any visitor (9.6 MB).
    // The dev server (`npx vite`) has its own.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-textarea-autosize|dayjs)/ },
            // Charts are only drawn on the dashboard: kept out of the vendor chunk every page loads.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
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
