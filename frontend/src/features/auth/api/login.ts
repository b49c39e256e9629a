import { useState } from 'react';
import { api, ApiError } from '../../../lib/apiClient';
import type { Session } from '../../../lib/session';
import { useConfig } from '../../../lib/config';

/** POST /api/auth/login → `{ token, user }`. */
export function login(username: string, password: string): Promise<Session> {
  return api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
}

/** Sign-in as a hook: `submit` resolves to the session, or null with `error` set to an i18n key. */
export function useLogin() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(username: string, password: string): Promise<Session | null> {
    setPending(true);
    setError(null);
    try {
      return await login(username, password);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 429 ? 'login.rateLimited' : status === 401 || status === 400 ? 'login.failed' : 'login.unreachable');
      return null;
    } finally {
      setPending(false);
    }
  }
  return { submit, pending, error };
}

/** True when the backend runs with demo data (GET /api/config `demo`), so the login page may show the demo account. */
export function useIsDemo(): boolean {
  return useConfig().data?.demo === true;
}
