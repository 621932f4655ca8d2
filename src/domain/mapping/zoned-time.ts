/**
 * Local wall-clock time in an IANA zone <-> instants, with the Intl API only.
 * Gaps (spring forward) move forward by the gap; ambiguous times (fall back) take the earlier instant.
 * Offsets are cached per zone and quarter hour (zone transitions happen on such boundaries), because
 * Intl formatting is slow and a run converts hundreds of thousands of dates.
 */

/** Wall-clock fields; month 1-12. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

const BUCKET_MS = 15 * 60_000;
const MAX_CACHE = 50_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

function asUtcMs(w: WallClock): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  if (w.year >= 100) return ms;
  // Date.UTC maps years 0-99 to 1900-1999
  const d = new Date(ms);
  d.setUTCFullYear(w.year);
  return d.getTime();
}

function offsetByIntl(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const w: WallClock = {
    year: parts['year'] ?? 1970,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    ms: 0,
  };
  return asUtcMs(w) - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Offset of the zone from UTC at an instant, in ms (Chicago in winter: -6h). */
export function zoneOffsetMs(instant: Date | number, zone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const bucket = Math.floor(ms / BUCKET_MS);
  let perZone = offsets.get(zone);
  if (!perZone) offsets.set(zone, (perZone = new Map()));
  let off = perZone.get(bucket);
  if (off === undefined) {
    off = offsetByIntl(bucket * BUCKET_MS, zone);
    if (perZone.size >= MAX_CACHE) perZone.clear();
    perZone.set(bucket, off);
  }
  return off;
}

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: Date, zone: string): WallClock {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, zone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
  };
}

/** The instant at which the zone's clocks show this wall-clock time. */
export function instantFromWallClock(w: WallClock, zone: string): Date {
  const naive = asUtcMs(w);
  // the offsets in force a day before and after; a candidate is right when its own offset agrees
  const before = zoneOffsetMs(naive - 86_400_000, zone);
  const after = zoneOffsetMs(naive + 86_400_000, zone);
  const valid = [naive - before, naive - after].filter((t) => naive - t === zoneOffsetMs(t, zone));
  if (valid.length > 0) return new Date(Math.min(...valid));
  // inside a gap: the clock jumped over this time, so move it forward by the gap (as most ERPs do)
  return new Date(naive - Math.min(before, after));
}

/**
 * `YYYY-MM-DD HH:MM:SS.mmm` wall-clock text of an instant in a zone, for binding into ERP date columns.
 * SQL Server needs the `T` separator: it is the only form its legacy DATETIME reads the same under every DATEFORMAT.
 */
export function formatWallClock(instant: Date, zone: string, separator: ' ' | 'T' = ' '): string {
  const w = wallClockOf(instant, zone);
  const p = (n: number, l = 2): string => String(n).padStart(l, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}${separator}${p(w.hour)}:${p(w.minute)}:${p(w.second)}.${p(w.ms, 3)}`;
}
