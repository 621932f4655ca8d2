export { createHttpBridge } from './http-bridge.js';
export { createIpcBridge } from './ipc-bridge.js';
export type { PreloadApi } from './ipc-bridge.js';
export { ApiCallError, errorText } from './types.js';
export type { Bridge, ConnectionState } from './types.js';
export { takeTokenFromLocation, readToken, saveToken, clearToken } from './token.js';
