import { describe, expect, it } from 'vitest';
import { createInfoplusClient, InfoplusConfigError, resolveBaseUrl } from '../../../src/infoplus/index.js';

describe('base URL from settings', () => {
  it('builds the tenant URL from a bare name or a full tenant host', () => {
    expect(resolveBaseUrl({ domain: 'acme' })).toBe('https://acme.infopluswms.com/infoplus-wms/api');
    expect(resolveBaseUrl({ domain: ' Acme-Test.infopluswms.com ' })).toBe(
      'https://acme-test.infopluswms.com/infoplus-wms/api',
    );
  });

  it('accepts a pasted tenant address and keeps only its host', () => {
    expect(resolveBaseUrl({ domain: 'https://acme.infopluswms.com/infoplus-wms/#/order' })).toBe(
      'https://acme.infopluswms.com/infoplus-wms/api',
    );
  });

  it('uses a full base URL as given, dropping a version or trailing slash', () => {
    expect(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:8080/infoplus-wms/api/' })).toBe(
      'http://127.0.0.1:8080/infoplus-wms/api',
    );
    expect(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:8080/infoplus-wms/api/v3.0' })).toBe(
      'http://127.0.0.1:8080/infoplus-wms/api',
    );
    expect(resolveBaseUrl({ baseUrl: 'https://proxy.local:81' })).toBe(
      'https://proxy.local:81/infoplus-wms/api',
    );
    expect(resolveBaseUrl({ baseUrl: 'http://localhost:81' })).toBe('http://localhost:81/infoplus-wms/api');
    expect(resolveBaseUrl({ baseUrl: 'http://[::1]:81' })).toBe('http://[::1]:81/infoplus-wms/api');
  });

  // Issue 13, M1: the key travels in a header, so plain http is for this computer only.
  it('always reaches a tenant over https, even when an http:// address is pasted', () => {
    expect(resolveBaseUrl({ domain: 'http://acme.infopluswms.com' })).toBe(
      'https://acme.infopluswms.com/infoplus-wms/api',
    );
  });

  it.each(['http://10.0.0.5', 'http://proxy.local:81', 'http://acme.infopluswms.com/infoplus-wms/api'])(
    'refuses plain http to %s, which is not this computer',
    (baseUrl) => {
      expect(() => resolveBaseUrl({ baseUrl })).toThrow(/must start with https:\/\/.*only for a simulator/);
    },
  );

  it.each([
    [{ domain: '' }, /domain is empty/],
    [{ domain: 'acme/infoplus' }, /contains "\/"/],
    [{ domain: 'ac me' }, /not a valid host name/],
    [{ domain: 'acme.example.com' }, /not an Infoplus tenant/],
    [{ baseUrl: 'ftp://x/infoplus-wms/api' }, /must start with https/],
    [{ baseUrl: 'https://user:pw@x/infoplus-wms/api' }, /user name or password/],
    [{ baseUrl: 'not a url' }, /not a valid URL/],
  ])('rejects %j with a message that says what to fix', (opts, message) => {
    expect(() => resolveBaseUrl(opts)).toThrow(InfoplusConfigError);
    expect(() => resolveBaseUrl(opts)).toThrow(message);
  });

  it('rejects an empty or unsendable key without echoing it', () => {
    expect(() => createInfoplusClient({ domain: 'acme', apiKey: '  ' })).toThrow(/API key is empty/);
    let message = '';
    try {
      createInfoplusClient({ domain: 'acme', apiKey: 'abc def-secret' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/cannot be sent in a header/);
    expect(message).not.toContain('secret');
  });
});
