/** Turns the profile's named connections plus secrets from the environment into driver/client options. */
import { isAbsolute, resolve } from 'node:path';
import type { ErpConfig } from '../erp/types.js';
import type { InfoplusClientOptions } from '../infoplus/index.js';
import type { ProfileProblem } from './problems.js';
import type { Profile } from './schema.js';

/** Default environment variable names of the two secrets. */
export const DEFAULT_ERP_PASSWORD_ENV = 'ERP_PASSWORD';
export const DEFAULT_INFOPLUS_API_KEY_ENV = 'INFOPLUS_API_KEY';

/** The ERP config a profile names, with the password from the environment; relative SQLite paths resolve against baseDir. */
export function erpConfigFromProfile(
  profile: Profile,
  env: NodeJS.ProcessEnv,
  baseDir: string,
): { config: ErpConfig } | { problem: ProfileProblem } {
  const erp = profile.connections?.erp;
  if (!erp)
    return {
      problem: {
        path: 'connections.erp',
        message: 'required: name the ERP connection (driver and url or server)',
      },
    };
  const password = env[erp.passwordEnv ?? DEFAULT_ERP_PASSWORD_ENV] || undefined;
  if (erp.driver === 'sqlserver') {
    const config: ErpConfig = {
      driver: 'sqlserver',
      ...(erp.url !== undefined ? { url: erp.url } : {}),
      ...(erp.server !== undefined ? { server: erp.server } : {}),
      ...(erp.instance !== undefined ? { instance: erp.instance } : {}),
      ...(erp.port !== undefined ? { port: erp.port } : {}),
      ...(erp.database !== undefined ? { database: erp.database } : {}),
      ...(erp.authType !== undefined ? { authType: erp.authType } : {}),
      ...(erp.user !== undefined ? { user: erp.user } : {}),
      ...(erp.domain !== undefined ? { domain: erp.domain } : {}),
      ...(erp.encrypt !== undefined ? { encrypt: erp.encrypt } : {}),
      ...(erp.trustServerCertificate !== undefined
        ? { trustServerCertificate: erp.trustServerCertificate }
        : {}),
      ...(password !== undefined ? { password } : {}),
    };
    return { config };
  }
  let url = erp.url ?? '';
  if (erp.driver === 'sqlite' && url !== ':memory:' && !/^file:/i.test(url) && !isAbsolute(url))
    url = resolve(baseDir, url);
  return { config: { driver: erp.driver, url, ...(password !== undefined ? { password } : {}) } };
}

/** The Infoplus client options a profile names, with the API key from the environment. */
export function infoplusOptionsFromProfile(
  profile: Profile,
  env: NodeJS.ProcessEnv,
): { options: InfoplusClientOptions } | { problem: ProfileProblem } {
  const inf = profile.connections?.infoplus;
  if (!inf)
    return {
      problem: {
        path: 'connections.infoplus',
        message: 'required: name the Infoplus connection (domain or baseUrl)',
      },
    };
  const envName = inf.apiKeyEnv ?? DEFAULT_INFOPLUS_API_KEY_ENV;
  const apiKey = env[envName];
  if (!apiKey) {
    return {
      problem: {
        path: 'connections.infoplus.apiKeyEnv',
        message: `the environment variable ${envName} is not set: put the Infoplus API key there (never in the profile)`,
      },
    };
  }
  return {
    options: {
      ...(inf.domain !== undefined ? { domain: inf.domain } : {}),
      ...(inf.baseUrl !== undefined ? { baseUrl: inf.baseUrl } : {}),
      apiVersion: inf.apiVersion,
      apiKey,
      ...(inf.requestsPerSecond !== undefined ? { requestsPerSecond: inf.requestsPerSecond } : {}),
      timeoutMs: 15_000,
    },
  };
}
