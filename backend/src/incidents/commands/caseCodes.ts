import { randomInt } from 'node:crypto';
import type { Models } from '../../models/index.js';

/** The time zone in which a case number's date is read (the district's; the command center works in it). */
export const CASE_CODE_TIME_ZONE = 'Asia/Shanghai';

/** Crockford-like alphabet without the look-alikes 0/O and 1/I: 32 symbols, 5 bits each. */
export const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 8;

const ymdFormat = new Intl.DateTimeFormat('en-CA', { timeZone: CASE_CODE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYYMMDD` of an instant in the district's time zone. */
export function caseDay(at: Date): string {
  return ymdFormat.format(at).replaceAll('-', '');
}

/**
 * The next case number `YYYYMMDD-NNNNNN` for the day of `at`, from a daily
 * counter document (`counters/_id = case:YYYYMMDD`, one atomic $inc per case).
 */
export async function nextCaseCode(models: Pick<Models, 'Counter'>, at: Date): Promise<string> {
  const day = caseDay(at);
  const counter = await models.Counter.findOneAndUpdate({ _id: `case:${day}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
  const n = counter?.value ?? 1;
  return `${day}-${String(n).padStart(6, '0')}`;
}

/** A random tracking code of 8 unambiguous symbols (40 bits): easy to read over the phone, hard to guess. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** Normalises what a resident typed (lower case, spaces, dashes) to the stored form. */
export function normaliseTrackingCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}
