/** Zod shapes of the settings sections: the API checks its arguments with them and the settings store extends them. */
import { z } from 'zod';
import { TOUCHPOINTS } from './touchpoints.js';

/** One of the six touchpoint names. */
export const touchpointSchema = z.enum(TOUCHPOINTS);

/** One touchpoint's schedule as the API accepts it; cron syntax and limits are the settings store's check. */
export const scheduleArgsSchema = z.object({
  enabled: z.boolean(),
  cron: z.string().optional(),
  intervalMinutes: z.number().int().positive().optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM on a 24-hour clock, e.g. 22:00');

/** The local-time window in which scheduled runs wait. */
export const quietHoursSchema = z.object({ start: hhmm, end: hhmm });

/** How to reach the ERP database (never the password). */
export const erpConnectionSchema = z.object({
  driver: z.enum(['sqlserver', 'postgres', 'mysql', 'sqlite']),
  url: z.string().optional(),
  server: z.string().optional(),
  instance: z.string().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  database: z.string().optional(),
  user: z.string().optional(),
  authType: z.enum(['sql', 'ntlm']).optional(),
  domain: z.string().optional(),
  encrypt: z.boolean().optional(),
  trustServerCertificate: z.boolean().optional(),
});

/** How to reach Infoplus (never the API key); the API requires every field the settings store defaults. */
export const infoplusConnectionSchema = z.object({
  domain: z.string().optional(),
  baseUrl: z.string().optional(),
  apiVersion: z.enum(['v3.0', 'beta']),
  lobId: z.number().int().optional(),
  warehouseId: z.number().int().optional(),
  requestsPerSecond: z.number().positive().max(100),
});
