import { describe, expect, it } from 'vitest';
import { classifyError, notUpdatable, retryDelayMs } from '../../../src/domain/error-classification.js';
import { ErpError } from '../../../src/erp/errors.js';
import {
  AuthError,
  NetworkError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  ValidationError,
} from '../../../src/infoplus/errors.js';

const init = { message: 'm', resource: 'order', operation: 'create' as const };

describe('error classification', () => {
  it('an auth failure stops the run and tells the admin to check the key', () => {
    const c = classifyError(new AuthError({ ...init, status: 401 }), 'infoplus-write');
    expect(c).toMatchObject({ category: 'auth', fixBy: 'admin', stopsRun: true, transient: false });
    expect(c.hint).toMatch(/API key/);
  });

  it("a validation error keeps Infoplus's messages, per field, and goes to the ERP user", () => {
    const c = classifyError(
      new ValidationError({
        ...init,
        status: 400,
        messages: ['bad order'],
        fieldErrors: { sku: ['too long'] },
      }),
      'infoplus-write',
    );
    expect(c).toMatchObject({
      category: 'infoplus-validation',
      fixBy: 'erp-user',
      transient: false,
      stopsRun: false,
    });
    expect(c.infoplusMessages).toEqual(['bad order', 'sku: too long']);
  });

  it('only failures that may have been applied require a lookup before re-sending', () => {
    expect(classifyError(new OutcomeUnknownError(init), 'infoplus-write')).toMatchObject({
      maybeApplied: true,
      transient: true,
    });
    expect(classifyError(new ServerError({ ...init, status: 502 }), 'infoplus-write')).toMatchObject({
      maybeApplied: true,
      category: 'connection',
    });
    expect(
      classifyError(new NetworkError({ ...init, requestSent: false }), 'infoplus-write').maybeApplied,
    ).toBe(false);
    expect(
      classifyError(new NetworkError({ ...init, requestSent: true }), 'infoplus-write').maybeApplied,
    ).toBe(true);
    expect(classifyError(new RateLimitedError({ ...init, status: 429 }), 'infoplus-write')).toMatchObject({
      category: 'rate-limit',
      transient: true,
      maybeApplied: false,
    });
    expect(classifyError(new ServerError({ ...init, status: 500 }), 'infoplus-read').maybeApplied).toBe(
      false,
    );
  });

  it('ERP failures: a lost connection stops the run, bad data stays with its record, a broken statement is the admin’s', () => {
    const erp = (code: 'connection-lost' | 'constraint-violation' | 'syntax-error') =>
      classifyError(
        new ErpError({ code, driver: 'postgres', detail: 'x', statement: 'shipments.writeBack' }),
        'erp-write',
      );
    expect(erp('connection-lost')).toMatchObject({ category: 'connection', stopsRun: true, transient: true });
    expect(erp('constraint-violation')).toMatchObject({
      category: 'erp-data',
      fixBy: 'erp-user',
      stopsRun: false,
    });
    expect(erp('syntax-error')).toMatchObject({ category: 'mapping', fixBy: 'admin', stopsRun: true });
  });

  it('anything else is internal and does not stop the run', () => {
    expect(classifyError(new TypeError('boom'), 'infoplus-write')).toMatchObject({
      category: 'internal',
      stopsRun: false,
    });
    expect(classifyError('text', 'erp-read').message).toBe('text');
  });

  it('a record Infoplus no longer lets us change is for the Infoplus user', () => {
    expect(notUpdatable('order 1005 is Shipped', [], 'sales order')).toMatchObject({
      category: 'infoplus-validation',
      fixBy: 'infoplus-user',
    });
  });

  it('backoff doubles per attempt, is capped, and jitters within ±20%', () => {
    expect(retryDelayMs(1, 1000, 60_000, 0.5)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, 0.5)).toBe(4000);
    expect(retryDelayMs(30, 1000, 60_000, 0.5)).toBe(60_000);
    expect(retryDelayMs(2, 1000, 60_000, 0)).toBe(1600);
    expect(retryDelayMs(2, 1000, 60_000, 0.999)).toBeLessThanOrEqual(2400);
  });
});
