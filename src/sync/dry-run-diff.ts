/**
 * Which Infoplus fields an update would change: the payload the run would send beside the record Infoplus
 * holds now. Only fields the payload sends are compared (Infoplus fills many more); values are compared the
 * way Infoplus stores them (SKUs upper-cased, dates as instants, numbers as numbers).
 */
import type { InfoplusRecord } from './push-resources.js';

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function same(sent: unknown, held: unknown): boolean {
  if (sent === held) return true;
  if (sent === null || sent === undefined || held === null || held === undefined) return false;
  if (typeof sent === 'number' || typeof held === 'number') return Number(sent) === Number(held);
  if (typeof sent === 'string' && typeof held === 'string') {
    if (DATE_TEXT.test(sent) && DATE_TEXT.test(held)) return Date.parse(sent) === Date.parse(held);
    const a = sent.trim();
    const b = held.trim();
    // Infoplus upper-cases some fields (SKUs): its upper-cased copy of what was sent is no change
    return a === b || (b === b.toUpperCase() && a.toUpperCase() === b);
  }
  if (Array.isArray(sent)) {
    return Array.isArray(held) && sent.length === held.length && sent.every((v, i) => same(v, held[i]));
  }
  if (typeof sent === 'object' && typeof held === 'object') {
    const h = held as Record<string, unknown>;
    return Object.entries(sent as Record<string, unknown>).every(
      ([k, v]) => v === undefined || same(v, h[k]),
    );
  }
  return String(sent) === String(held);
}

/** Payload fields whose value differs from the Infoplus record's, in payload order. */
export function changedFields(payload: InfoplusRecord, held: InfoplusRecord): string[] {
  return Object.keys(payload).filter((k) => payload[k] !== undefined && !same(payload[k], held[k]));
}
