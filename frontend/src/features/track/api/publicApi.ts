import { useCallback, useState } from 'react';
import { api, ApiError } from '../../../lib/apiClient';
import { bboxCenter, collectionBBox } from '../../../lib/geo/bounds';
import { useBasemap, useConfig } from '../../../lib/config';

/** One public timeline step: what happened, when, and by which kind of actor (names reduced to an initial). */
export interface PublicStep {
  type: string;
  at: string;
  status?: string;
  by?: { role: string; initial?: string };
}

/** GET /api/public/track/:trackingCode (backend presentPublic.ts). */
export interface PublicCase {
  trackingCode: string;
  status: string;
  merged: boolean;
  categoryCode: string;
  title: string;
  description?: string;
  address?: string;
  reportedAt: string;
  closedAt?: string;
  rating?: { value: string; comment?: string; at: string };
  canRate: boolean;
  /** District policy lets a dissatisfied resident ask for the work to be redone. */
  canAskReopen?: boolean;
  /** This code follows an existing case ("follow this one") rather than a report of one's own. */
  following?: boolean;
  category?: { code: string; name: string; nameEn?: string };
  place?: { gridCode: string; gridName?: string; communityName?: string; communityNameEn?: string; streetName?: string; streetNameEn?: string };
  deadline?: { stage: string; dueAt: string; state: 'on_time' | 'due_soon' | 'overdue' };
  timeline: PublicStep[];
}

/** The body of a rating (回访): a value, an optional comment, and with "dissatisfied" whether to ask for a redo. */
export interface RatingInput {
  value: string;
  comment?: string;
  reopen?: boolean;
}

/** Looks a case up by tracking code; `error` is an i18n key. */
export function useTrack() {
  const [view, setView] = useState<PublicCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lookup = useCallback(async (code: string) => {
    try {
      setView(await api<PublicCase>(`/api/public/track/${encodeURIComponent(code)}`));
      setError(null);
    } catch (err) {
      setView(null);
      setError(err instanceof ApiError && err.status === 404 ? 'track.notFound' : err instanceof ApiError && err.status === 429 ? 'track.tooMany' : 'errors.load');
    }
  }, []);
  const rate = useCallback(async (code: string, rating: RatingInput) => {
    try {
      setView(await api<PublicCase>(`/api/public/track/${encodeURIComponent(code)}/rating`, { method: 'POST', body: rating }));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? (err.status === 429 ? 'track.tooMany' : `errors.${err.code}`) : 'errors.load');
    }
  }, []);
  return { view, error, lookup, rate };
}

/** Files a complaint (POST /api/public/complaints); resolves to the tracking code, or null with `error` set to an i18n key. */
export function useFileComplaint() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const file = useCallback(async (body: Record<string, unknown>): Promise<string | null> => {
    setPending(true);
    setError(null);
    try {
      return (await api<{ trackingCode: string }>('/api/public/complaints', { method: 'POST', body })).trackingCode;
    } catch (err) {
      setError(!(err instanceof ApiError) ? 'track.failed' : err.status === 429 ? 'track.tooMany' : `errors.${err.code}`);
      return null;
    } finally {
      setPending(false);
    }
  }, []);
  return { file, pending, error };
}

/** Where a complaint is placed until the resident says otherwise: the configured map centre, else the middle of the basemap. */
export function useDefaultPosition(): [number, number] | null {
  const config = useConfig().data;
  const layers = useBasemap({ enabled: config !== undefined && !config.center }).data;
  if (!config) return null;
  if (config.center) return config.center;
  const box = layers ? collectionBBox({ features: layers.flatMap((l) => l.features.features) }) : null;
  return box ? bboxCenter(box) : null;
}
