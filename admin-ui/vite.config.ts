import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the console runs on Vite's port and the API on 4000; proxying /graphql keeps the
// session cookie first-party, exactly as when the API server serves the built console at /.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: process.env.API_URL ?? 'http://127.0.0.1:4000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // One intranet bundle served with hashed names; react-admin + MUI alone are past Vite's 500 kB hint.
    chunkSizeWarningLimit: 3000,
  },
});
