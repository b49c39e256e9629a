import type { Context } from 'koa';

/** The language of names and notes: zh-CN by default, English when the client's Accept-Language prefers it. */
export type Lang = 'zh' | 'en';

/** The language a request asks for through the standard Accept-Language header (no Open311 parameter exists). */
export function langOf(ctx: Context): Lang {
  return ctx.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? 'en' : 'zh';
}

/** `zh` text, or the English one when asked for and present. */
export function pick(lang: Lang, zh: string, en: string | undefined): string {
  return lang === 'en' && en ? en : zh;
}
