import type { ServeProcess } from './serve.js';

/** Calls the agent's API as the UI does (POST /api/call/<method> with the bearer token); throws on an error. */
export async function apiCall<T = unknown>(
  serve: ServeProcess,
  method: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${serve.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.code}: ${body.error.message}`);
  return body.value;
}

/** A finished setup without the wizard: a SQLite ERP file, a simulator, the sample profile. */
export async function setUpByApi(
  serve: ServeProcess,
  opts: { erpFile: string; baseUrl: string; apiKey: string },
): Promise<void> {
  await apiCall(serve, 'saveSettings', {
    erp: { driver: 'sqlite', url: opts.erpFile },
    infoplus: { baseUrl: opts.baseUrl, apiVersion: 'v3.0', lobId: 1, warehouseId: 1, requestsPerSecond: 10 },
    secrets: { infoplusApiKey: opts.apiKey },
  });
  const profile = await apiCall<{ text: string }>(serve, 'getProfile');
  await apiCall(serve, 'saveProfile', { text: profile.text });
  // Only the test's clicks start runs.
  await apiCall(serve, 'pause');
}
