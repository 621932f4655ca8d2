/**
 * Local wall-clock time in an IANA zone <-> instants, with the Intl API only.
 * Gaps (spring forward) move forward by the gap; ambiguous times (fall back) take the earlier instant.
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

const formatters = new Map<string, Intl.DateTimeFormat>();

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

/** The wall clock of an instant in a zone. */
export function wallClockOf(instant: Date, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: (parts['hour'] ?? 0) % 24,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
    ms: instant.getUTCMilliseconds(),
  };
}

function asUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

/** Offset of the zone from UTC at an instant, in ms (Chicago in winter: -6h). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const w = wallClockOf(instant, zone);
  return asUtcMs({ ...w, ms: instant.getUTCMilliseconds() }) - instant.getTime();
}

/** The instant at which the zone's clocks show this wall-clock time. */
export function instantFromWallClock(w: WallClock, zone: string): Date {
  const naive = asUtcMs(w);
  // try the offsets in force just before and after; keep the earliest candidate that round-trips
  const offsets = [
    zoneOffsetMs(new Date(naive - 86_400_000), zone),
    zoneOffsetMs(new Date(naive + 86_400_000), zone),
  ];
  const candidates = offsets
    .map((off) => naive - off)
    .filter((t) => roundTrips(t, w, zone))
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);
  // inside a gap: the clock jumped over this time, so move it forward by the gap (as most ERPs do)
  return new Date(naive - Math.min(...offsets));
}

function roundTrips(t: number, w: WallClock, zone: string): boolean {
  const back = wallClockOf(new Date(t), zone);
  return (
    back.year === w.year &&
    back.month === w.month &&
    back.day === w.day &&
    back.hour === w.hour &&
    back.minute === w.minute &&
    back.second === w.second
  );
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
