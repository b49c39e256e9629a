import { localToUtcMs, zoneOffsetMs } from '../deadlines/index.js';
import { CASE_CODE_TIME_ZONE } from '../incidents/index.js';

/** The zone Open311 datetimes are written in: the district's (the command center works in it). */
export const OPEN311_TIME_ZONE = CASE_CODE_TIME_ZONE;

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** An instant as a W3C datetime with the district's offset, e.g. `2026-11-23T10:15:30+08:00` (`Z` for a zero offset). */
export function w3c(at: Date | undefined | null, timeZone = OPEN311_TIME_ZONE): string | null {
  if (!at) return null;
  const ms = at.getTime();
  const offset = zoneOffsetMs(timeZone, ms);
  const local = new Date(ms + offset);
  const offMin = Math.round(offset / 60_000);
  const tz = offMin === 0 ? 'Z' : `${offMin < 0 ? '-' : '+'}${pad(offMin / 60)}:${pad(offMin % 60)}`;
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${tz}`;
}

const W3C_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Parses a W3C datetime (the ISO 8601 profile: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * `YYYY-MM-DDThh:mm[:ss[.s]][TZD]`); one without a zone is read in the
 * district's local time. Null when it is not one or names no real date.
 */
export function parseW3C(text: string, timeZone = OPEN311_TIME_ZONE): Date | null {
  const m = W3C_PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', tz] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, frac ? Math.round(Number(frac) * 1000) : 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  if (!tz) return new Date(localToUtcMs(timeZone, wall));
  if (tz === 'Z') return check;
  const sign = tz.startsWith('-') ? -1 : 1;
  const [oh, om] = tz.slice(1).split(':').map(Number);
  if (oh > 14 || om > 59) return null;
  return new Date(wall - sign * (oh * 60 + om) * 60_000);
}
