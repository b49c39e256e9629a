/** What the resident has entered on the report page. */
export interface ReportDraft {
  categoryCode: string;
  description: string;
  /** Anonymous: no name or phone is sent at all. */
  anonymous: boolean;
  name: string;
  phone: string;
  /** Consent to store the name and phone for handling this report (required when either is given). */
  consent: boolean;
}

export const EMPTY_DRAFT: ReportDraft = { categoryCode: '', description: '', anonymous: true, name: '', phone: '', consent: false };

export type DraftField = 'pin' | 'categoryCode' | 'description' | 'phone' | 'consent';

const PHONE = /^\+?[\d\s-]{5,20}$/;

/**
 * The body of `POST /api/public/complaints` from the draft and a pin known to
 * be in the district, or the fields still wrong: a pin in the district, a
 * category, a description (≤ 2,000 characters), a well-formed phone and, when a
 * name or phone is given, consent. Anonymous drafts send no contact at all.
 */
export function buildReport(draft: ReportDraft, pin: { lng: number; lat: number } | null, pinInDistrict: boolean, messageId: string): { ok: true; body: Record<string, unknown> } | { ok: false; invalid: DraftField[] } {
  const invalid: DraftField[] = [];
  const description = draft.description.trim();
  const name = draft.anonymous ? '' : draft.name.trim();
  const phone = draft.anonymous ? '' : draft.phone.trim();
  if (!pin || !pinInDistrict) invalid.push('pin');
  if (!/^\d{5}$/.test(draft.categoryCode)) invalid.push('categoryCode');
  if (!description || description.length > 2000) invalid.push('description');
  if (phone && !PHONE.test(phone)) invalid.push('phone');
  if ((name || phone) && !draft.consent) invalid.push('consent');
  if (invalid.length || !pin) return { ok: false, invalid };
  const body: Record<string, unknown> = { messageId, categoryCode: draft.categoryCode, description, lng: round6(pin.lng), lat: round6(pin.lat) };
  if (name) body.name = name;
  if (phone) body.phone = phone;
  return { ok: true, body };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
