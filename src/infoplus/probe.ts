/**
 * A read-only probe of an Infoplus tenant: finds out what Infoplus does where its documentation is silent
 * (API.md §11-12), using only searches, gets and one request with a deliberately wrong key. It never writes.
 * Each finding names the simulator variant (src/simulator/decisions.ts VARIANTS) it corresponds to, so the
 * same words describe the tenant, the simulator and the report a user sends to support.
 */
import { resolveBaseUrl } from './base-url.js';
import type { OperatorSpelling } from './filter.js';
import { API_KEY_HEADER, parseWireDate, type ApiVersion } from './wire-format.js';

/** What the probe needs to reach the tenant. */
export interface ProbeTarget {
  domain?: string;
  baseUrl?: string;
  apiVersion?: ApiVersion;
  apiKey: string;
  /** Per-request timeout; default 15 s. */
  timeoutMs?: number;
  /** Pause between requests (a real tenant is rate limited); default 250 ms. */
  pauseMs?: number;
}

/** One observation, in words and (when it maps to one) as a simulator variant. */
export interface ProbeFinding {
  /** Stable identifier, e.g. `filterOps`. */
  readonly key: string;
  /** What was asked. */
  readonly question: string;
  /** What was seen, for people. */
  readonly answer: string;
  /** The variant value this corresponds to, or null when the probe could not tell. */
  readonly variant: string | null;
}

/** The probe's result: findings, what the client adapts, and what cannot be seen without writing. */
export interface ProbeReport {
  readonly probedAt: string;
  readonly baseUrl: string;
  readonly apiVersion: ApiVersion;
  readonly findings: readonly ProbeFinding[];
  /** Settings the client takes from the findings. */
  readonly adapt: { readonly filterOperators: OperatorSpelling };
  /** Variant switches a read-only probe cannot observe. */
  readonly notObservable: readonly string[];
  /** Requests made (all GET). */
  readonly requests: number;
}

/** Switches that only a write would reveal. */
export const NOT_OBSERVABLE_READ_ONLY = [
  'createStatus',
  'validationStatus',
  'put',
  'unknownFields',
  'receipts',
  'backorders',
  'asnEdits',
  'deletes',
] as const;

interface Answer {
  status: number;
  text: string;
  json: unknown;
}

const FAR_PAST = '2000-01-01T00:00:00.000Z';

/** Runs the probe. Throws only when the tenant cannot be reached at all (the message says why). */
export async function probeInfoplus(target: ProbeTarget): Promise<ProbeReport> {
  const baseUrl = resolveBaseUrl(target);
  const apiVersion = target.apiVersion ?? 'v3.0';
  const timeoutMs = target.timeoutMs ?? 15_000;
  const pauseMs = target.pauseMs ?? 250;
  let requests = 0;
  const scrub = (text: string): string => text.split(target.apiKey).join('***');

  const get = async (
    path: string,
    params: Record<string, string> = {},
    key = target.apiKey,
  ): Promise<Answer> => {
    if (requests > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    requests++;
    const url = new URL(`${baseUrl}/${apiVersion}${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method: 'GET',
      headers: { [API_KEY_HEADER]: key, Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = scrub(await res.text());
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  };
  const ok = (a: Answer): boolean => a.status >= 200 && a.status < 300;
  const rows = (a: Answer): Record<string, unknown>[] =>
    ok(a) && Array.isArray(a.json) ? (a.json as Record<string, unknown>[]) : [];

  const findings: ProbeFinding[] = [];
  const add = (f: ProbeFinding): void => {
    findings.push(f);
  };

  // Reachability with the real key first: nothing else means anything without it.
  const lobs = await get('/lineOfBusiness/search', { limit: '1' });
  if (!ok(lobs)) {
    throw new Error(
      `Infoplus answered HTTP ${lobs.status} to a line-of-business search: check the domain, base URL and API key (${describeBody(lobs)})`,
    );
  }

  // 1. Operator spellings.
  const gte = ok(await get('/lineOfBusiness/search', { filter: 'id gte 0', limit: '1' }));
  const ge = ok(await get('/lineOfBusiness/search', { filter: 'id ge 0', limit: '1' }));
  const ops = gte && ge ? 'both' : gte ? 'gte' : ge ? 'ge' : null;
  add({
    key: 'filterOps',
    question: 'Which spelling of "greater or equal" do filters accept: gte/lte or ge/le?',
    answer:
      ops === null ? 'neither gte nor ge was accepted' : ops === 'both' ? 'both gte and ge' : `only ${ops}`,
    variant: ops,
  });
  const spelling: OperatorSpelling = ops === 'ge' ? 'ge' : 'gte';
  const op = spelling;

  // 2. Date literal forms.
  const forms: [string, string][] = [
    ['ISO with milliseconds', FAR_PAST],
    ['ISO without milliseconds', '2000-01-01T00:00:00Z'],
    ['date only', '2000-01-01'],
  ];
  const accepted: string[] = [];
  for (const [label, literal] of forms) {
    const a = await get('/order/search', { filter: `modifyDate ${op} '${literal}'`, limit: '1' });
    if (ok(a)) accepted.push(`${label} ('${literal}')`);
  }
  add({
    key: 'dateLiterals',
    question: 'Which date literal forms does a modifyDate filter accept?',
    answer: accepted.length > 0 ? accepted.join(', ') : 'none of the three forms tried',
    variant: null,
  });

  // 3. Precision of returned modifyDates.
  const dates: string[] = [];
  for (const resource of ['order', 'item', 'shipment', 'itemReceipt', 'customField', 'vendor']) {
    const a = await get(`/${resource}/search`, { limit: '50', sort: '!modifyDate' });
    for (const r of rows(a)) if (typeof r.modifyDate === 'string') dates.push(r.modifyDate);
  }
  add(precisionFinding(dates));

  // 4. limit=251.
  const over = await get('/lineOfBusiness/search', { limit: '251' });
  add({
    key: 'limitOver250',
    question: 'What does a search with limit=251 do?',
    answer: ok(over)
      ? `accepted (HTTP ${over.status}, ${rows(over).length} rows): a larger limit is capped or allowed, not refused`
      : `refused with HTTP ${over.status}`,
    variant: ok(over) ? 'clamp' : 'error',
  });

  // 5. Wrong key: status and body.
  const wrong = await get('/lineOfBusiness/search', { limit: '1' }, `probe-wrong-key-${Date.now()}`);
  add({
    key: 'authStatus',
    question: 'What status does a wrong API key get?',
    answer: `HTTP ${wrong.status}`,
    variant: wrong.status === 401 || wrong.status === 403 ? String(wrong.status) : null,
  });
  add({
    key: 'errorBody',
    question: 'What does an error body look like (the wrong-key answer)?',
    answer: describeBody(wrong),
    variant: bodyShape(wrong),
  });

  // 6. Bad filter and 7. missing record.
  const badFilter = await get('/order/search', { filter: 'noSuchFieldForProbe eq 1', limit: '1' });
  add({
    key: 'badFilter',
    question: 'What does a filter on an unknown field get?',
    answer: `HTTP ${badFilter.status}; ${describeBody(badFilter)}`,
    variant: null,
  });
  const missing = await get('/order/999999999');
  add({
    key: 'missingRecord',
    question: 'What does a GET of a record that does not exist get?',
    answer: `HTTP ${missing.status}; ${describeBody(missing)}`,
    variant: null,
  });

  // 8. Resources the pull relies on, and the tenant lists items reference.
  for (const resource of [
    'orderLine',
    'cartonContent',
    'itemCategory',
    'itemSubCategory',
    'receivingCriteriaScheme',
  ]) {
    const a = await get(`/${resource}/search`, { limit: '250' });
    add({
      key: `resource.${resource}`,
      question: `Does ${resource}/search answer?`,
      answer: ok(a)
        ? `yes (HTTP ${a.status}, ${rows(a).length} rows on the first page)`
        : `no (HTTP ${a.status})`,
      variant: ok(a) ? 'yes' : 'no',
    });
  }

  return {
    probedAt: new Date().toISOString(),
    baseUrl,
    apiVersion,
    findings,
    adapt: { filterOperators: spelling },
    notObservable: [...NOT_OBSERVABLE_READ_ONLY],
    requests,
  };
}

/** Seconds when at least three dates were seen and none carries a fraction; ms when any does. */
function precisionFinding(dates: readonly string[]): ProbeFinding {
  const question = 'At what precision does Infoplus return modifyDate?';
  const parsed = dates.map((d) => ({ text: d, date: parseWireDate(d) })).filter((d) => d.date !== null);
  const sample = parsed[0]?.text;
  if (parsed.length < 3) {
    return {
      key: 'datePrecision',
      question,
      answer: `too few records to tell (${parsed.length} dates seen)`,
      variant: null,
    };
  }
  const withMs = parsed.filter((d) => (d.date as Date).getUTCMilliseconds() !== 0).length;
  return {
    key: 'datePrecision',
    question,
    answer:
      withMs > 0
        ? `milliseconds (${withMs} of ${parsed.length} dates have a fraction; e.g. ${String(sample)})`
        : `whole seconds (none of ${parsed.length} dates has a fraction; e.g. ${String(sample)})`,
    variant: withMs > 0 ? 'ms' : 's',
  };
}

function bodyShape(a: Answer): 'empty' | 'errors' | 'text' {
  if (a.text.trim() === '') return 'empty';
  const j = a.json as { errors?: unknown } | undefined;
  if (j !== null && typeof j === 'object' && Array.isArray(j.errors)) return 'errors';
  return 'text';
}

function describeBody(a: Answer): string {
  const shape = bodyShape(a);
  if (shape === 'empty') return 'empty body';
  const text = a.text.length > 300 ? `${a.text.slice(0, 300)}…` : a.text;
  return shape === 'errors' ? `JSON {"errors": [...]}: ${text}` : `text body: ${text}`;
}

/** The report as plain text a user can read and send to Infoplus support. */
export function formatProbeReport(r: ProbeReport): string {
  const lines = [
    'Infoplus ERP Sync: read-only probe of an Infoplus tenant',
    `Tenant API: ${r.baseUrl} (version ${r.apiVersion})`,
    `Probed at: ${r.probedAt}; ${r.requests} GET requests, nothing was written; the API key is not shown.`,
    '',
  ];
  for (const f of r.findings) {
    lines.push(`- ${f.question}`, `  ${f.answer}${f.variant !== null ? `  [${f.key}=${f.variant}]` : ''}`);
  }
  lines.push(
    '',
    `The sync adapts: filters use ${r.adapt.filterOperators === 'ge' ? 'ge/le' : 'gte/lte'}.`,
    `Not observable without writing (the sync is built to be right either way): ${r.notObservable.join(', ')}.`,
    '',
  );
  return lines.join('\n');
}
