import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Content types of what Vite emits (and a little more); anything else goes out as bytes. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The content type for a file name. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path onto a file inside `root`, or null when the path is malformed, escapes the root or names a
 * dotfile. Pure apart from the path module, so traversal rules are easy to test.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s.startsWith('.'))) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Infoplus ERP Sync</title>
<h1>The user interface has not been built</h1>
<p>Run <code>npm run build</code> in the program folder, then reload this page.</p>`;

/**
 * Serves the built renderer: real files with their content type, `index.html` for any path without a file
 * extension (the SPA's own routes), 404 for a missing asset. GET and HEAD only.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string) {
  const index = resolve(root, 'index.html');
  let file = resolveStaticPath(root, urlPath);
  if (file === null) return sendText(res, 404, 'text/plain; charset=utf-8', 'Not found');
  if (file === resolve(root) || !(await isFile(file))) {
    const ext = extname(file);
    if (ext !== '' && ext !== '.html' && file !== resolve(root)) {
      return sendText(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    file = index;
    if (!(await isFile(file))) return sendText(res, 503, 'text/html; charset=utf-8', NOT_BUILT);
  }
  const info = await stat(file);
  // Vite puts content-hashed names under assets/: they never change. The page itself must always be fresh.
  const immutable = file.startsWith(resolve(root, 'assets') + sep);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': String(info.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file), res);
}
