import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The tab is served by the API process under /tab/, so assets are built relative to that base.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/tab/',
  build: {
    outDir: '../dist/tab',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // Fluent UI marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
