import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/**
 * One HTML entry per page the host serves (`/` = index.html, `/hub` = hub/index.html, ...).
 * Adding a page = adding its folder with an index.html and a line here.
 */
const pages: Record<string, string> = {
  chat: 'index.html',
  hub: 'hub/index.html',
  dashboard: 'dashboard/index.html',
  admin: 'admin/index.html',
};

/**
 * Vendor groups, highest priority first. Web Chat is only reached through a dynamic import,
 * so everything but `react` stays out of the page shell and loads when the chat opens.
 */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 50 },
  { name: 'vendor-adaptivecards', test: /node_modules[\\/](adaptivecards|swiper)[\\/]/, priority: 40 },
  { name: 'vendor-charts', test: /node_modules[\\/](recharts|d3-[^\\/]*|victory-vendor|es-toolkit)[\\/]/, priority: 40 },
  { name: 'vendor-signalr', test: /node_modules[\\/]@microsoft[\\/]signalr[\\/]/, priority: 40 },
  {
    name: 'vendor-speech',
    test: /node_modules[\\/](microsoft-cognitiveservices-speech-sdk|botframework-directlinespeech-sdk|web-speech-cognitive-services|botframework-streaming)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-directline', test: /node_modules[\\/](botframework-directlinejs|rxjs)[\\/]/, priority: 40 },
  { name: 'vendor-markdown', test: /node_modules[\\/](markdown-it[^\\/]*|sanitize-html|htmlparser2|mdast-[^\\/]*|micromark[^\\/]*|entities|parse5)[\\/]/, priority: 30 },
  { name: 'vendor-corejs', test: /node_modules[\\/](core-js|core-js-pure|@babel[\\/]runtime)[\\/]/, priority: 30 },
  { name: 'vendor-webchat-api', test: /node_modules[\\/]botframework-webchat-(api|core)[\\/]/, priority: 25 },
  { name: 'vendor-webchat-ui', test: /node_modules[\\/](react-film|react-scroll-to-bottom|react-say|react-dictate-button|valibot|@emotion)[\\/]/, priority: 25 },
  { name: 'vendor-webchat', test: /node_modules[\\/]botframework-webchat[^\\/]*[\\/]/, priority: 20 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

const botUrl = process.env.BOT_URL ?? 'http://localhost:3978';

export default defineConfig({
  plugins: [react()],
  base: '/',
  resolve: {
    // markdown-it (inside Web Chat) requires Node's `punycode`; give the browser the npm package.
    alias: { punycode: 'punycode/' },
  },
  server: {
    // `npm run dev` talks to a running host (BOT_URL, default http://localhost:3978).
    // changeOrigin stays false so the host builds streamUrl with the dev server's host and the
    // WebSocket comes back through this proxy.
    proxy: {
      '/api': { target: botUrl },
      '/hubs': { target: botUrl, ws: true },
      '/v3/directline': { target: botUrl, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps double the size of dist; build them on demand (WEB_SOURCEMAP=true npm run build).
    sourcemap: process.env.WEB_SOURCEMAP === 'true',
    // The speech SDK (~1 MB) is imported by Web Chat's full bundle even when speech is off; it
    // only ever loads with the chat, in parallel with the other vendor chunks.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(root, file)])),
      output: {
        codeSplitting: {
          groups: vendorGroups,
        },
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
