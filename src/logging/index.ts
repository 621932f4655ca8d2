export { createLogging, parseLogLine } from './logging.js';
export type { Logging, LoggingOptions, LogQuery, LoggerLike } from './logging.js';
export { REDACTED, SecretScrubber, redactPaths, scrubSecrets } from './redact.js';
export { RotatingFile } from './rotating-file.js';
export type { RotatingFileOptions } from './rotating-file.js';
export { RingBuffer } from './ring-buffer.js';
