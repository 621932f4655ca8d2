/** Headless transport: the dispatcher shared with Electron IPC, and the loopback HTTP + WebSocket server. */
export { createDispatcher, isApiMethod, formatIssuePath } from './dispatcher.js';
export type { Dispatch, DispatcherLogger, DispatcherOptions } from './dispatcher.js';
export { errorToApiError } from './errors.js';
export { startServer, defaultStaticDir } from './http-server.js';
export type { StartServerOptions, RunningServer } from './http-server.js';
export { generateToken, tokenMatches } from './auth.js';
export { RENDERER_CSP, HEADER_CSP, SECURITY_HEADERS } from './security-headers.js';
