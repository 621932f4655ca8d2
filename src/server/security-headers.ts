/**
 * The renderer's Content-Security-Policy. `connect-src 'self'` admits the page's own origin and port only
 * (WebSocket included): a script in the window cannot reach another local service. Kept equal to the meta tag in renderer/index.html (a test compares
 * them) so the page behaves the same from file:// in Electron and over loopback HTTP.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'";

/** The CSP sent as a header: the renderer's plus what only a header can say (no framing by other sites). */
export const HEADER_CSP = `${RENDERER_CSP}; frame-ancestors 'none'`;

/** Headers on every answer of the local server. No CORS headers on purpose: only our own page may call. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
