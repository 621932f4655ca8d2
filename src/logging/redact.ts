/** Placeholder written where a secret was. */
export const REDACTED = '[redacted]';

const SECRET_KEYS = ['apiKey', 'password', 'erpPassword', 'infoplusApiKey', 'token', 'authorization'];
const HEADER_KEYS = ['"API-Key"', '"api-key"', 'Authorization', 'authorization'];

/** pino `redact` paths: secret-named fields at the top level and up to three levels down, plus HTTP headers. */
export function redactPaths(): string[] {
  const paths: string[] = [];
  for (const key of SECRET_KEYS) {
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  for (const h of HEADER_KEYS) {
    const acc = h.startsWith('"') ? `[${h}]` : `.${h}`;
    paths.push(`headers${acc}`, `*.headers${acc}`, `*.*.headers${acc}`, `*.*.*.headers${acc}`);
  }
  return paths;
}

const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // scheme://user:password@host in connection URLs
  [/([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*):[^@/\s]*@/gi, `$1:${REDACTED}@`],
  [/\b(bearer)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // password=..., api-key: ..., "token":"..." (URLs, connection strings, headers, JSON)
  [
    /\b(password|passwd|pwd|api[-_ ]?key|secret|token)(["']?\s*[=:]\s*["']?)(?!\[redacted\])[^\s"',;&]+/gi,
    `$1$2${REDACTED}`,
  ],
];

/** The forms a secret takes in text: as is, inside a JSON string, URL-encoded. Short values are skipped. */
function forms(value: string | null | undefined): string[] {
  // Values shorter than 4 characters would mangle ordinary text.
  if (!value || value.length < 4) return [];
  return [...new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])];
}

/**
 * The one scrubber for every text that can hold a secret (log lines, API errors, driver and Infoplus
 * messages, inbox rows): the known secret values wherever they appear, and credentials in URLs, key=value
 * pairs and Authorization headers whatever their value.
 */
export function scrubSecrets(text: string, known: Iterable<string | null | undefined> = []): string {
  let out = text;
  for (const value of known) {
    for (const form of forms(value)) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Remembers secret values as they become known at runtime and scrubs text with them (scrubSecrets). */
export class SecretScrubber {
  private readonly values = new Set<string>();

  /** Remembers a secret value. */
  add(value: string | null | undefined): void {
    if (value) this.values.add(value);
  }

  /** The text with every known secret and every credential-shaped part replaced. */
  scrub(text: string): string {
    return scrubSecrets(text, this.values);
  }
}
