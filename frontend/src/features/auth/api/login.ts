import { api } from '../../lib/apiClient';
import type { Session } from '../../lib/session';

/** POST /api/auth/login. */
export function login(username: string, password: string): Promise<Session> {
  return api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
}
