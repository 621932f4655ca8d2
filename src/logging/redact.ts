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

/**
 * Replaces known secret values wherever they appear in a serialized line: in messages, stack traces, URLs
 * or fields under names no redact path foresaw. Values are registered at runtime as they become known.
 */
export class SecretScrubber {
  private readonly values = new Set<string>();

  /** Remembers a secret value; values shorter than 4 characters are ignored (they would mangle ordinary text). */
  add(value: string | null | undefined): void {
    if (!value || value.length < 4) return;
    this.values.add(value);
    // The value as it appears inside a JSON string (quotes, backslashes escaped) and URL-encoded.
    const json = JSON.stringify(value).slice(1, -1);
    if (json !== value) this.values.add(json);
    const url = encodeURIComponent(value);
    if (url !== value) this.values.add(url);
  }

  /** The text with every known secret replaced. */
  scrub(text: string): string {
    let out = text;
    for (const v of this.values) {
      if (out.includes(v)) out = out.split(v).join(REDACTED);
    }
    return out;
  }
}
