// Test settings. The suites parse and render whole documents and drive a browser; on a busy 2-core
// machine a single test may well take longer than vitest's 5 s default without being stuck, so the
// per-test budget is wider (timing is measured by `npm run bench`, never by tests).
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // reports default to the language of the environment (--lang): the suites that read English
    // labels must not depend on the locale of whoever runs them
    // and the OCR cache (read/ocr-cache.ts) goes to test-output, never into the user's ~/.cache
    env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', XDG_CACHE_HOME: resolve('test-output/xdg-cache') },
  },
});
