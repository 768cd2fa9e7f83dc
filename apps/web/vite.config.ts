import { defineConfig } from 'vite';

/**
 * Builds the web app into `dist/`, which the server serves at `/`. The server's Content-Security-Policy allows only
 * its own scripts and styles, so nothing is inlined: no module-preload polyfill, no assets as data URLs.
 */
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
