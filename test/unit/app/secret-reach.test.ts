// Issue 13, H1 and H2: what a token holder can reach through the API. Listeners stand in for the attacker and
// the stored secrets are canaries: neither may ever arrive anywhere but the saved server.
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  memorySecretStore,
  memorySettingsBackend,
  type App,
  type SecretStore,
} from '../../../src/app/index.js';
import { sampleProfileText } from '../../../src/erp/sample/sample-profile.js';
import { profileBaseDir } from '../../../src/app/connections.js';
import { splitUrlPassword } from '../../../src/app/url-password.js';
import { parseProfile, ProfileError } from '../../../src/profile/index.js';
import { FakeSchedulerPort } from '../../../src/sync/scheduler.js';

const CANARY_KEY = 'canary-api-key-7f3a9c';
const CANARY_PW = 'canary-erp-password-51be';

let dir: string;
let attackerHttp: Server;
let httpSeen: IncomingHttpHeaders[] = [];
let attackerPg: TcpServer;
let pgBytes = '';
let app: App | null = null;

const port = (s: Server | TcpServer): number => (s.address() as { port: number }).port;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secret-reach-'));
  attackerHttp = createHttpServer((req, res) => {
    httpSeen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  // A "PostgreSQL server" that asks for the password in clear text and records everything it receives.
  attackerPg = createTcpServer((socket) => {
    let asked = false;
    socket.on('data', (chunk) => {
      pgBytes += chunk.toString('latin1');
      if (!asked) {
        asked = true;
        const auth = Buffer.alloc(9);
        auth.write('R', 0, 'latin1');
        auth.writeInt32BE(8, 1);
        auth.writeInt32BE(3, 5); // AuthenticationCleartextPassword
        socket.write(auth);
      } else socket.destroy();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((r) => attackerHttp.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => attackerPg.listen(0, '127.0.0.1', r));
});

afterAll(async () => {
  await app?.stop();
  attackerHttp.close();
  attackerPg.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await app?.stop();
  app = null;
  httpSeen = [];
  pgBytes = '';
});

const savedInfoplus = {
  baseUrl: 'http://127.0.0.1:9/infoplus-wms/api',
  apiVersion: 'v3.0' as const,
  requestsPerSecond: 5,
};
const savedErp = { driver: 'sqlite' as const, url: 'erp.sqlite' };

async function open(name: string, secrets: SecretStore, extra: Record<string, unknown> = {}, env = {}) {
  const dataDir = join(dir, name);
  const backend = memorySettingsBackend({
    version: 2,
    erp: savedErp,
    infoplus: savedInfoplus,
    ...extra,
  });
  app = await createApp({
    dataDir,
    env,
    secretStore: secrets,
    settingsBackend: backend,
    schedulerPort: new FakeSchedulerPort(new Date()),
  });
  return { app, dataDir, backend };
}

const canaries = () => memorySecretStore({ erpPassword: CANARY_PW, infoplusApiKey: CANARY_KEY });
const attackerUrl = () => `http://127.0.0.1:${port(attackerHttp)}/infoplus-wms/api`;

describe('H1: stored secrets go only to the saved server', () => {
  it('testInfoplusConnection to another address does not send the stored key there', async () => {
    const { app } = await open('h1-test-ip', canaries());
    const result = await app.api.testInfoplusConnection({
      infoplus: { ...savedInfoplus, baseUrl: attackerUrl() },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Enter the API key.*only sent to http:\/\/127\.0\.0\.1:9/);
    expect(JSON.stringify(httpSeen)).not.toContain(CANARY_KEY);

    // A key typed for the new address is used there (the listener really listens).
    await app.api.testInfoplusConnection({
      infoplus: { ...savedInfoplus, baseUrl: attackerUrl() },
      apiKey: 'typed-key-for-this-server',
    });
    expect(JSON.stringify(httpSeen)).toContain('typed-key-for-this-server');
    expect(JSON.stringify(httpSeen)).not.toContain(CANARY_KEY);
  });

  it('testErpConnection to another server does not send the stored password there', async () => {
    const { app } = await open('h1-test-erp', canaries());
    const url = `postgres://postgres@127.0.0.1:${port(attackerPg)}/postgres`;
    const result = await app.api.testErpConnection({ erp: { driver: 'postgres', url } });
    expect(result.ok).toBe(false);
    expect(pgBytes).toContain('postgres'); // the fake server was reached
    expect(pgBytes).not.toContain(CANARY_PW);
    expect(result.message).toMatch(/saved password is only sent to the saved server/);

    pgBytes = '';
    await app.api.testErpConnection({ erp: { driver: 'postgres', url }, password: 'typed-password' });
    expect(pgBytes).toContain('typed-password');
  });

  it('saving another Infoplus address or ERP server clears the saved secret instead of sending it', async () => {
    const secrets = canaries();
    const { app } = await open('h1-save', secrets);
    await app.api.saveSettings({ infoplus: { ...savedInfoplus, baseUrl: attackerUrl() } });
    expect(await secrets.get('infoplusApiKey')).toBeNull();
    expect((await app.api.getSettings({})).infoplus?.hasApiKey).toBe(false);
    expect(await secrets.get('erpPassword')).toBe(CANARY_PW); // the ERP target did not change

    const url = `postgres://postgres@127.0.0.1:${port(attackerPg)}/postgres`;
    await app.api.saveSettings({ erp: { driver: 'postgres', url } });
    expect(await secrets.get('erpPassword')).toBeNull();
    expect(pgBytes).not.toContain(CANARY_PW);
    expect(JSON.stringify(httpSeen)).not.toContain(CANARY_KEY);
  });

  it('a change of options on the same server keeps the secret; a new secret with the new server is kept', async () => {
    const secrets = canaries();
    const { app } = await open('h1-keep', secrets);
    await app.api.saveSettings({ infoplus: { ...savedInfoplus, requestsPerSecond: 2 } });
    expect(await secrets.get('infoplusApiKey')).toBe(CANARY_KEY);
    await app.api.saveSettings({
      infoplus: { ...savedInfoplus, baseUrl: 'http://127.0.0.1:10/infoplus-wms/api' },
      secrets: { infoplusApiKey: 'new-key-for-new-server' },
    });
    expect(await secrets.get('infoplusApiKey')).toBe('new-key-for-new-server');
  });

  it('a profile that moves the connection elsewhere clears the saved key too', async () => {
    const dataDir = join(dir, 'h1-profile');
    await mkdir(join(dataDir, 'profiles'), { recursive: true });
    const file = join(dataDir, 'profiles', 'profile.yaml');
    await writeFile(file, sampleProfileText('sqlite', { infoplusBaseUrl: savedInfoplus.baseUrl }));
    const secrets = canaries();
    const { app } = await open('h1-profile', secrets, { infoplus: null, profilePath: file });
    expect((await app.api.getSettings({})).infoplus?.hasApiKey).toBe(true);
    await app.api.saveProfile({ text: sampleProfileText('sqlite', { infoplusBaseUrl: attackerUrl() }) });
    expect(await secrets.get('infoplusApiKey')).toBeNull();
    await app.api.runNow({}).catch(() => undefined);
    expect(JSON.stringify(httpSeen)).not.toContain(CANARY_KEY);
  });

  it('a key from the environment cannot be moved to another address from the API', async () => {
    const { app } = await open('h1-env', memorySecretStore(), {}, { INFOPLUS_API_KEY: CANARY_KEY });
    await expect(
      app.api.saveSettings({ infoplus: { ...savedInfoplus, baseUrl: attackerUrl() } }),
    ).rejects.toMatchObject({
      code: 'secret-bound',
      message: expect.stringMatching(/INFOPLUS_API_KEY/),
    });
    expect((await app.api.getSettings({})).infoplus?.baseUrl).toBe(savedInfoplus.baseUrl);
  });

  it('a profile may name only INFOPLUS_* / ERP_* variables for its secrets', () => {
    const text = sampleProfileText('sqlite').replace('apiKeyEnv: INFOPLUS_API_KEY', 'apiKeyEnv: HTTPS_PROXY');
    expect(text).toContain('HTTPS_PROXY');
    let error: unknown;
    try {
      parseProfile(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).message).toMatch(/apiKeyEnv.*INFOPLUS_/);
    const pw = sampleProfileText('sqlite').replace('passwordEnv: ERP_PASSWORD', 'passwordEnv: HOME');
    expect(() => parseProfile(pw)).toThrow(/passwordEnv/);
  });
});

describe('H2: the API reads and writes profiles only in <dataDir>/profiles/', () => {
  it('refuses a profilePath outside the profiles folder, a climb out of it and a symbolic link', async () => {
    const { app, dataDir } = await open('h2-path', memorySecretStore());
    for (const path of ['/etc/passwd', '../settings.yaml', join(dataDir, 'profiles', 'x', 'y.yaml')]) {
      await expect(app.api.saveSettings({ profilePath: path })).rejects.toMatchObject({
        code: 'invalid-settings',
        message: expect.stringMatching(/profiles/),
      });
    }
    await mkdir(join(dataDir, 'profiles'), { recursive: true });
    await symlink('/etc/passwd', join(dataDir, 'profiles', 'link.yaml'));
    await expect(app.api.saveSettings({ profilePath: 'link.yaml' })).rejects.toMatchObject({
      message: expect.stringMatching(/symbolic link/),
    });
    expect((await app.api.getProfile({})).text).not.toContain('root:');
  });

  it('never echoes a file that is not a profile and never writes outside the profiles folder', async () => {
    const outside = join(dir, 'h2-outside');
    await mkdir(outside, { recursive: true });
    const victim = join(outside, '.bashrc');
    await writeFile(victim, 'root:x:0:0:root:/root:/bin/bash\nexport SECRET=canary\n');
    const { app, dataDir } = await open('h2-write', memorySecretStore(), { profilePath: victim });
    const doc = await app.api.getProfile({});
    expect(doc.text).not.toContain('root:x:0:0');
    expect(JSON.stringify(doc.problems)).not.toContain('canary');
    expect(JSON.stringify(doc.problems)).toMatch(/not a mapping profile/);

    const saved = await app.api.saveProfile({ text: sampleProfileText('sqlite') });
    expect(saved.path).toBe(join(dataDir, 'profiles', 'profile.yaml'));
    expect(await readFile(victim, 'utf8')).toContain('export SECRET=canary');
    expect((await stat(join(dataDir, 'profiles', 'profile.yaml'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'profiles'))).mode & 0o777).toBe(0o700);
  });

  it('keeps relative paths of a profile the app saved relative to the data folder, as before', () => {
    const dataDir = join(dir, 'h2-base');
    expect(profileBaseDir(join(dataDir, 'profiles', 'profile.yaml'), dataDir)).toBe(dataDir);
    expect(profileBaseDir(join(dir, 'elsewhere', 'p.yaml'), dataDir)).toBe(join(dir, 'elsewhere'));
    expect(profileBaseDir(null, dataDir)).toBe(dataDir);
  });

  it('refuses a profile larger than 1 MB', async () => {
    const { app } = await open('h2-size', memorySecretStore());
    await expect(app.api.saveProfile({ text: `# ${'x'.repeat(1024 * 1024)}` })).rejects.toMatchObject({
      code: 'invalid-profile',
    });
  });
});

describe('M3: no password in an ERP URL', () => {
  it('moves a password typed into the URL to the secret store; settings and getSettings never hold it', async () => {
    const secrets = memorySecretStore();
    const { app, backend } = await open('m3-save', secrets);
    const saved = await app.api.saveSettings({
      erp: {
        driver: 'postgres',
        url: 'postgres://postgres:canary%40url-pw@127.0.0.1:5432/postgres?sslmode=disable',
      },
    });
    expect(await secrets.get('erpPassword')).toBe('canary@url-pw');
    expect(JSON.stringify(backend.data)).not.toContain('canary');
    expect(JSON.stringify(saved)).not.toContain('canary');
    expect(saved.erp).toMatchObject({
      url: 'postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable',
      hasPassword: true,
    });
    await app.api.saveSettings({
      erp: { driver: 'mysql', url: 'mysql://root@127.0.0.1:3306/erp?password=canary-q&ssl=false' },
    });
    expect(await secrets.get('erpPassword')).toBe('canary-q');
    expect(JSON.stringify(await app.api.getSettings({}))).not.toContain('canary');
  });

  it.each([
    ['mssql://sa:Pw1@h/db?encrypt=false', 'mssql://sa@h/db?encrypt=false', 'Pw1'],
    ['postgres://u:p@ss@db/erp', 'postgres://u@db/erp', 'p@ss'],
    [
      'sqlserver://h:1433;databaseName=x;password=abc;user=sa',
      'sqlserver://h:1433;databaseName=x;user=sa',
      'abc',
    ],
    ['mysql://root@db/erp?ssl=1&pwd=x', 'mysql://root@db/erp?ssl=1', 'x'],
    ['postgres://db/erp', 'postgres://db/erp', null],
  ])('splits %s into a URL without the password', (url, clean, password) => {
    expect(splitUrlPassword(url)).toEqual({ url: clean, password });
  });

  it('never shows a password an older version stored in the URL', async () => {
    const { app } = await open('m3-legacy', memorySecretStore(), {
      erp: { driver: 'postgres', url: 'postgres://postgres:canary-legacy@127.0.0.1:5432/postgres' },
    });
    expect(JSON.stringify(await app.api.getSettings({}))).not.toContain('canary-legacy');
  });
});
