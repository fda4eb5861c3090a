/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The Spring Boot backend during development (`npm run dev` proxies to it). */
const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  define: {
    // Appended to translation URLs so a new deployment never shows translations cached from the last one.
    __BUILD_ID__: JSON.stringify(Date.now().toString(36)),
  },
  build: {
    // Lands in the jar: Spring Boot serves classpath:/static.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    rolldownOptions: {
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
