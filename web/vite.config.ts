import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const api = process.env.COMPILA_API ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: '../src/Compila.Web/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5173,
    proxy: {
      '/v1/solve': { target: api, ws: true, changeOrigin: true },
      '/v1': { target: api, changeOrigin: true },
      '/docs': { target: api, changeOrigin: true },
      '/openapi': { target: api, changeOrigin: true },
      '/health': { target: api, changeOrigin: true },
      '/.well-known': { target: api, changeOrigin: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
