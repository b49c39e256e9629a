/** The pages of the app, addressed by hash so the static server needs no rewrites. */
export type Route = { page: 'login' } | { page: 'map' } | { page: 'track'; code?: string } | { page: 'report' } | { page: 'public' };

/** Pages anyone may open without signing in (the residents' side). */
export const PUBLIC_PAGES: readonly Route['page'][] = ['track', 'report', 'public'];

/** `#/login`, `#/map`, `#/track`, `#/track/<code>`, `#/report` (file on the map), `#/public` (the public reports map); anything else is the map. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'report') return { page: 'report' };
  if (parts[0] === 'public') return { page: 'public' };
  if (parts[0] === 'track') return parts[1] ? { page: 'track', code: decodeURIComponent(parts[1]) } : { page: 'track' };
  return { page: 'map' };
}
