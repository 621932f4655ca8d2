import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { expect } from 'vitest';
import { isErpError } from '../../../src/erp/index.js';
import type { ErpConnection, ErpErrorCode } from '../../../src/erp/index.js';
import type { DriverHarness } from './harness.js';

/** What every case file gets: the harness and the open connection of the current driver. */
export interface Suite {
  h(): DriverHarness;
  erp(): ErpConnection;
}

/** Asserts an ErpError of the given class and returns it. */
export function expectErpError(
  e: unknown,
  code: ErpErrorCode,
): Error & { code: string; driverCode?: string } {
  expect(isErpError(e), `expected an ErpError ${code}, got ${String(e)}`).toBe(true);
  expect((e as { code: string }).code, String(e)).toBe(code);
  return e as Error & { code: string };
}

/** The error a promise rejects with (fails when it resolves). */
export async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the statement to fail, but it succeeded');
}

/** Fails instead of hanging forever when a pool has been exhausted (a guard, not a speed check). */
export async function notHanging<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} never finished: a connection was not released`)),
      30_000,
    );
  });
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

let gcFn: (() => void) | undefined;
/** Node's garbage collector, so heap measurements count live objects only. */
export function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose_gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}
