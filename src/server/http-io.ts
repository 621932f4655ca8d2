import type { IncomingMessage, ServerResponse } from 'node:http';

/** Writes a JSON answer that is never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Writes a failed Result with an HTTP status: `{ ok: false, error: { code, message } }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Outcome of reading a request body. */
export type BodyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

/**
 * Reads a JSON request body up to `limit` bytes. An empty body means "no arguments" (undefined). A body that
 * is not declared as JSON is refused, which also keeps plain HTML forms from posting here.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return {
      ok: false,
      status: 413,
      code: 'payload-too-large',
      message: `The request is larger than ${limit} bytes.`,
    };
  }
  // Read with events rather than for-await: breaking out of the iterator would destroy the socket before the
  // 413 answer could be written. An oversized body is drained and dropped.
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((done, failed) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', done);
    req.on('error', failed);
  });
  if (size > limit) {
    return {
      ok: false,
      status: 413,
      code: 'payload-too-large',
      message: `The request is larger than ${limit} bytes.`,
    };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported-media-type',
      message: 'Send the arguments as application/json.',
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: 'invalid-json', message: 'The request body is not valid JSON.' };
  }
}
