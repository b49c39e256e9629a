import type { Context } from 'koa';
import { toXml } from './xml.js';

/** A response format, chosen by the resource's suffix (`services.xml`, `requests/42.json`). */
export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** The media types of the specification, always UTF-8. */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The format a path asks for: XML for a `.xml` suffix, JSON for everything else (errors on unknown paths included). */
export function formatOfPath(path: string): Format {
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

/** The format of a matched route's `:format` parameter, or null when it is neither json nor xml. */
export function parseFormat(text: string | undefined): Format | null {
  return text === 'json' || text === 'xml' ? text : null;
}

/**
 * Answers `payload` in `format`: JSON as is, XML with `root` as the document
 * element (the JSON of a list is the bare array, as the specification shows).
 */
export function respond(ctx: Context, format: Format, root: string, payload: unknown, status = 200): void {
  ctx.status = status;
  ctx.type = MEDIA_TYPES[format];
  ctx.body = format === 'json' ? JSON.stringify(payload) : toXml(root, payload);
}
