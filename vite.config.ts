import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { compression } from 'vite-plugin-compression2';

/** Design tokens the manifest shares with src/web/styles/tokens.css (light background). */
const BACKGROUND = '#faf6f2';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      // Updates wait for the person (an automatic reload could lose what they are typing).
      registerType: 'prompt',
      // Registered from src/web/pwa/register.ts: no inline script, so the CSP can forbid them.
      injectRegister: false,
      manifest: {
        name: 'Innermost',
        short_name: 'Innermost',
        description: 'A private place for partners to rebuild closeness, at their own pace. End-to-end encrypted.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: BACKGROUND,
        background_color: BACKGROUND,
        categories: ['health', 'lifestyle'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // Our own service worker (src/web/app/pwa/sw.ts, ADR 025): the precaching the generated one
      // did, plus the push and notification-click handlers notifications need.
      strategies: 'injectManifest',
      srcDir: 'src/web/app/pwa',
      filename: 'sw.ts',
      injectManifest: {
        // The app shell: every built script, style, icon and wasm module, so it opens offline.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm}'],
        // Argon2id's wasm and the crypto worker are larger than workbox's 2 MiB default allows.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // A classic script: every browser that has push runs it (module service workers are newer).
        rollupFormat: 'iife',
      },
    }),
    // Precompressed copies beside each text asset (brotli and gzip at their highest levels), so
    // the static route sends them as they are (ADR 016) instead of the uncompressed files.
    compression({
      include: /\.(js|mjs|css|html|svg|webmanifest|json|wasm)$/,
      exclude: /\.map$/,
      algorithms: ['brotliCompress', 'gzip'],
      threshold: 1024,
      deleteOriginalAssets: false,
    }),
  ],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The first screen's imports are preloaded from index.html, but no <link rel=modulepreload>
    // is injected per dynamic import: on Today a dozen lazy parts each appended theirs, and the
    // appends alone cost a phone's main thread about 250 ms (measured with a 4x CPU slowdown).
    // The browser fetches a chunk's imports as it parses it; for a returning person they come
    // from the service worker's cache.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    rolldownOptions: {
      output: {
        // What every screen runs (Preact, signals, the catalog API) in one file, not four: on a
        // slow phone network each file of the first screen is another request in its critical path.
        codeSplitting: {
          groups: [{ name: 'core', test: /node_modules[\\/](preact|@preact[\\/]signals(-core)?)[\\/]|src[\\/]web[\\/]platform[\\/]i18n[\\/]translator/ }],
        },
      },
    },
  },
  worker: { format: 'es' },
  // `npx vite` for UI work: the API comes from a running server (npm run serve, port 8080).
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080' },
      '/healthz': { target: 'http://127.0.0.1:8080' },
    },
  },
});
