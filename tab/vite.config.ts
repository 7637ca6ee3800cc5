import { defineConfig } from 'vite';

// The tab is served by the API process under /tab/, so assets are built relative to that base.
export default defineConfig({
  root: __dirname,
  base: '/tab/',
  build: { outDir: '../dist/tab', emptyOutDir: true, sourcemap: true },
});
