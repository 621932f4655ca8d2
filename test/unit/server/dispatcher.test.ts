import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src/server/dispatcher.js';
import { scrubSecrets } from '../../../src/logging/redact.js';
import { errorToApiError } from '../../../src/server/errors.js';
import { fakeApi } from './fakes.js';

describe('createDispatcher', () => {
  it('calls the API method with the parsed arguments and wraps the answer', async () => {
    const api = fakeApi();
    const dispatch = createDispatcher(api);
    const result = await dispatch('runNow', { touchpoints: ['orders'] });
    expect(result).toEqual({ ok: true, value: { method: 'runNow', args: { touchpoints: ['orders'] } } });
    expect(api.runNow).toHaveBeenCalledTimes(1);
  });

  it('treats missing arguments as an empty object', async () => {
    const api = fakeApi();
    const result = await createDispatcher(api)('getStatus', undefined);
    expect(result.ok).toBe(true);
    expect(api.getStatus).toHaveBeenCalledWith({});
  });

  it('refuses a bad argument, naming the field, without calling the API', async () => {
    const api = fakeApi();
    const result = await createDispatcher(api)('runNow', { touchpoints: ['orders', 'invoices'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-arguments');
    expect(result.error.message).toContain('touchpoints[1]');
    expect(result.error.details?.path).toBe('touchpoints[1]');
    expect(api.runNow).not.toHaveBeenCalled();
  });

  it('refuses a run-now that asks for a dry run, instead of running for real', async () => {
    const api = fakeApi();
    const result = await createDispatcher(api)('runNow', { touchpoints: ['orders'], dryRun: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    if (result.ok) return;
    expect(result.error.message).toContain('dryRun');
    expect(api.runNow).not.toHaveBeenCalled();
  });

  it('names nested fields of settings', async () => {
    const result = await createDispatcher(fakeApi())('saveSettings', {
      quietHours: { start: '25:00', end: '06:00' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', details: { path: 'quietHours.start' } },
    });
    if (!result.ok) expect(result.error.message).toContain('HH:MM');
  });

  it.each(['deleteEverything', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'refuses the non-API method %s',
    async (method) => {
      const result = await createDispatcher(fakeApi())(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    },
  );

  it('turns a thrown error into its own code and message, without a stack', async () => {
    const failing = Object.assign(new Error('Infoplus refused the API key'), {
      kind: 'auth',
      status: 401,
      resource: 'lineOfBusiness',
    });
    const logger = { warn: vi.fn(), error: vi.fn() };
    const api = fakeApi({ testInfoplusConnection: () => Promise.reject(failing) });
    const result = await createDispatcher(api, { logger })('testInfoplusConnection', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'auth',
        message: 'Infoplus refused the API key',
        details: { status: 401, resource: 'lineOfBusiness' },
      },
    });
    expect(JSON.stringify(result)).not.toContain('at ');
    expect(logger.warn).toHaveBeenCalled();
  });

  it('reports an unexpected error as internal and logs it with its stack', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const api = fakeApi({ getStatus: () => Promise.reject(new TypeError('x is undefined')) });
    const result = await createDispatcher(api, { logger })('getStatus', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'x is undefined' } });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'getStatus' }),
      expect.any(String),
    );
  });
});

describe('errorToApiError', () => {
  it('masks credentials a driver put into a message', () => {
    const error = new Error('connect failed for postgres://sync:Secr3t!@db.local/erp (password=Secr3t!)');
    const apiError = errorToApiError(error);
    expect(apiError.message).not.toContain('Secr3t');
    expect(apiError.message).toContain('postgres://sync:[redacted]@db.local/erp');
  });

  it('masks api keys and bearer tokens', () => {
    expect(scrubSecrets('API-Key: abc123 and Authorization: Bearer zzz.yyy')).toBe(
      'API-Key: [redacted] and Authorization: Bearer [redacted]',
    );
  });

  it('keeps context fields of ERP errors and drops unknown ones', () => {
    const error = Object.assign(new Error('Column "qty" does not exist'), {
      code: 'bad-statement',
      statement: 'orders.select',
      touchpoint: 'orders',
      connectionString: 'Server=x;Password=hunter2',
    });
    expect(errorToApiError(error)).toEqual({
      code: 'bad-statement',
      message: 'Column "qty" does not exist',
      details: { statement: 'orders.select', touchpoint: 'orders' },
    });
  });

  it('answers something readable for non-Error throws', () => {
    expect(errorToApiError(42)).toEqual({ code: 'internal', message: 'An unexpected error happened.' });
    expect(errorToApiError('boom')).toEqual({ code: 'internal', message: 'boom' });
  });
});
