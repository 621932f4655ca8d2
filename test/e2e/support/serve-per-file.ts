import { test } from '@playwright/test';
import { startServe } from './serve.js';
import type { ServeProcess } from './serve.js';

/**
 * Starts one `infoplus-sync serve` for the spec file, attaches its output to any failing test, stops it at the
 * end, and returns a getter for it.
 */
export function serveForThisFile(opts: { demo: boolean; serial?: boolean }): () => ServeProcess {
  let serve: ServeProcess | undefined;
  if (opts.serial) test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    serve = await startServe({ demo: opts.demo });
  });
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures object even when none is used
  test.afterEach(async ({}, testInfo) => {
    if (serve && testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('serve-output', { body: serve.output(), contentType: 'text/plain' });
    }
  });
  test.afterAll(async () => {
    await serve?.stop();
  });
  return () => {
    if (!serve) throw new Error('serve has not started (beforeAll failed)');
    return serve;
  };
}
