export * from './touchpoints.js';
export * from './result.js';
export * from './dto.js';
export * from './api.js';
export * from './events.js';
export * from './cron.js';
export * from './wording.js';
export * from './inbox-groups.js';
