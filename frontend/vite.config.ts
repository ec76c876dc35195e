import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import tailwindcss from '@tailwindcss/vite'

// `npm run dev` talks to a running stack's gateway (./dbay up): the API and the WebSocket go
// through Vite's proxy, so the browser sees one origin as it does when the gateway serves the app.
const gateway = process.env.DBAY_GATEWAY_URL ?? 'http://localhost:8000'

export default defineConfig({
  plugins: [vue(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/ws': { target: gateway.replace(/^http/, 'ws'), ws: true, changeOrigin: true },
    },
  },
  build: {
    // Hashed file names under assets/: the gateway caches them for a year and never caches index.html.
    assetsDir: 'assets',
    // dist/.vite/manifest.json: scripts/bundle-size.mjs measures the home route's initial JavaScript from it.
    manifest: true,
    sourcemap: false,
  },
})
