/// <reference types="vitest/config" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The Spring Boot backend during development (`npm run dev` proxies to it). */
const backend = 'http://localhost:8080';

/** The citizens' public pages, served by the light entry `public.html` (the backend's SpaWebConfiguration says the same). */
const PUBLIC_PAGE = /^\/(lookup|feedback|feedback\/[^/]+)\/?(\?.*)?$/;

/** `npm run dev` and `vite preview` answer the public paths with public.html, as the backend does. */
function publicPages(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.url && PUBLIC_PAGE.test(req.url)) req.url = `/public.html${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`;
    next();
  };
  return {
    name: 'lantern-public-pages',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Writes target/bundle/modules.json: the source modules in each output chunk, so
 * scripts/bundle-size.mjs can prove the public entry carries no React, Mantine, Apollo, i18next or Keycloak.
 */
function chunkModules(): Plugin {
  return {
    name: 'lantern-chunk-modules',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [{ file: output.fileName, modules: output.moduleIds }] : []));
      const dir = fileURLToPath(new URL('./target/bundle/', import.meta.url));
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}modules.json`, JSON.stringify(chunks, null, 1));
    },
  };
}

export default defineConfig({
  plugins: [react(), publicPages(), chunkModules()],
  define: {
    // Appended to translation URLs so a new deployment never shows translations cached from the last one.
    __BUILD_ID__: JSON.stringify(Date.now().toString(36)),
  },
  build: {
    // Lands in the jar: Spring Boot serves classpath:/static.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Read by scripts/bundle-size.mjs to weigh what each entry loads first.
    manifest: true,
    rolldownOptions: {
      // The staff SPA, and the light citizens' pages (no React, Mantine, Apollo, i18next or Keycloak).
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
      output: {
        // Libraries in chunks of their own: they change less often than the app, so browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/, priority: 20 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|i18next-http-backend)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': backend,
      '/config.json': backend,
      '/actuator': backend,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    // Rendering Mantine in jsdom is slow when the build machine is busy; a slow test is not a failed one.
    testTimeout: 20_000,
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default'],
  },
});
