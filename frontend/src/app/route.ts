/** The pages of the app, addressed by hash so the static server needs no rewrites. */
export type Route = { page: 'login' } | { page: 'map' } | { page: 'track'; code?: string };

/** `#/login`, `#/map`, `#/track`, `#/track/<code>`; anything else is the map. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'track') return parts[1] ? { page: 'track', code: decodeURIComponent(parts[1]) } : { page: 'track' };
  return { page: 'map' };
}
