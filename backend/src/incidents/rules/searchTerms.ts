/** Most search terms kept per incident (the text of a report is short; this bounds the index). */
export const MAX_SEARCH_TERMS = 200;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * The search terms of a text: lower-cased Latin/digit words, and for runs of
 * Chinese characters their bigrams (a lone character stays a unigram). The
 * same function tokenises a query, so `{ searchTerms: { $all: terms } }` finds
 * every incident containing the query's words — without $text, which the
 * portable subset forbids.
 */
export function searchTerms(...texts: (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      let cjk = '';
      let word = '';
      const flush = () => {
        if (word) terms.add(word);
        word = '';
        if (cjk.length === 1) terms.add(cjk);
        for (let i = 0; i + 1 < cjk.length; i++) terms.add(cjk.slice(i, i + 2));
        cjk = '';
      };
      for (const ch of run) {
        if (CJK.test(ch)) {
          if (word) terms.add(word);
          word = '';
          cjk += ch;
        } else {
          if (cjk) flush();
          word += ch;
        }
      }
      flush();
    }
  }
  return [...terms].slice(0, MAX_SEARCH_TERMS);
}
