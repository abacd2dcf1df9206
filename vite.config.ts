import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static build served by Electron (app:// protocol) and by `npm run serve`.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    assetsInlineLimit: 0,
    // One local bundle loaded from disk, not over a network; libphonenumber's full metadata
    // (needed for real validity checks) makes it ~570 kB.
    chunkSizeWarningLimit: 800,
  },
});
