/**
 * UTC offsets of IANA time zones, from the runtime's own tz database (Intl).
 *
 * Choice: deadlines need "09:00 local" as an instant. A zone whose offset never
 * changes over the years we sample (1992–2060, e.g. Asia/Shanghai at +08:00 since
 * China dropped DST in 1991) is treated as a fixed offset inside that range, so the
 * hot path does no Intl work; everything else (DST zones, instants outside the
 * range) asks Intl at the instant, so calendars in any zone are correct.
 */

const MINUTE_MS = 60_000;
const FIXED_FROM = Date.UTC(1992, 0, 1);
const FIXED_TO = Date.UTC(2061, 0, 1);

const formatters = new Map<string, Intl.DateTimeFormat>();
const fixedOffsets = new Map<string, number | null>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function intlOffsetMs(timeZone: string, utcMs: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(utcMs)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE_MS) * MINUTE_MS;
}

function fixedOffsetMs(timeZone: string): number | null {
  let fixed = fixedOffsets.get(timeZone);
  if (fixed === undefined) {
    fixed = intlOffsetMs(timeZone, FIXED_FROM);
    for (let year = 1992; year < 2061 && fixed !== null; year++) {
      for (const month of [0, 3, 6, 9]) {
        if (intlOffsetMs(timeZone, Date.UTC(year, month, 15)) !== fixed) {
          fixed = null;
          break;
        }
      }
    }
    fixedOffsets.set(timeZone, fixed);
  }
  return fixed;
}

/** The zone's offset from UTC in milliseconds at the instant (local = utc + offset); throws RangeError on an unknown zone. */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  if (utcMs >= FIXED_FROM && utcMs < FIXED_TO) {
    const fixed = fixedOffsetMs(timeZone);
    if (fixed !== null) return fixed;
  }
  return intlOffsetMs(timeZone, utcMs);
}

/** The local wall-clock time of an instant, expressed as "milliseconds since 1970 in a UTC-like local calendar". */
export function utcToLocalMs(timeZone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(timeZone, utcMs);
}

/**
 * The instant at which the zone's clocks show the wall time `localMs`. In a DST
 * gap the result is shifted forward by the gap; in an overlap one of the two instants is returned.
 */
export function localToUtcMs(timeZone: string, localMs: number): number {
  const first = zoneOffsetMs(timeZone, localMs);
  const guess = localMs - first;
  const second = zoneOffsetMs(timeZone, guess);
  return second === first ? guess : localMs - second;
}
