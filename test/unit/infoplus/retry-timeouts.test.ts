import { describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/infoplus/errors.js';
import { nextRetryDelay, type RetryPolicy } from '../../../src/infoplus/retry.js';

const policy: RetryPolicy = {
  maxRetries: 4,
  baseMs: 10,
  maxDelayMs: 100,
  maxRetryAfterMs: 1000,
  random: () => 0.5,
};
const err = (code: string, requestSent: boolean): NetworkError =>
  new NetworkError({ message: 'x', resource: 'order', operation: 'search', code, requestSent });

describe('read retries after timeouts', () => {
  it('a read that timed out is tried once more, not four times (an unanswering server is named in a minute)', () => {
    expect(nextRetryDelay(err('ETIMEDOUT', true), 0, false, policy)).toBeDefined();
    expect(nextRetryDelay(err('ETIMEDOUT', true), 1, false, policy)).toBeUndefined();
  });

  it('other network failures of a read keep every retry', () => {
    expect(nextRetryDelay(err('ECONNRESET', true), 3, false, policy)).toBeDefined();
    expect(nextRetryDelay(err('ETIMEDOUT', false), 3, false, policy)).toBeDefined();
  });
});
