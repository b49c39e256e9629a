/** The signed-in user as the backend returned it at login. */
export interface SessionUser {
  id: string;
  username: string;
  role: 'admin' | 'commander' | 'supervisor' | 'department' | 'worker';
  displayName: string;
  departmentCode?: string;
  gridCodes?: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'onegrid.session';

/** The stored session, if any. */
export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}
