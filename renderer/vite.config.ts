import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are taken from this file's URL, not the working directory, so the build works from anywhere.
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

/** Vite build of the React renderer: relative asset paths so it loads from file:// (Electron) and over HTTP. */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${here}../dist/renderer`,
    emptyOutDir: true,
    // The renderer is loaded from disk or loopback: one chunk keeps it simple and CSP-friendly.
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
