/**
 * Categories a resident can pick on the complaint form (codes of
 * reference/governance.md; names come from i18n `category.<code>`). The
 * backend accepts any 5-digit code; this is the short list residents see.
 */
export const RESIDENT_CATEGORIES: readonly string[] = ['06010', '06012', '06013', '06028', '06001', '06042', '08001', '08004', '09006', '09009', '09012', '01003', '01037', '04002'];

export interface ComplaintForm {
  categoryCode: string;
  description: string;
  address: string;
  lng: string;
  lat: string;
  name: string;
  phone: string;
}

export type ComplaintResult = { ok: true; body: Record<string, unknown> } | { ok: false; invalid: (keyof ComplaintForm)[] };

const PHONE = /^\+?[\d\s-]{5,20}$/;

/**
 * The body of `POST /api/public/complaints` from the form (backend
 * publicRoutes.ts schema): trimmed text, numeric coordinates, optional fields
 * left out when empty, and the form's `messageId` so a resubmission does not
 * file twice. Lists the fields that are wrong instead.
 */
export function buildComplaint(form: ComplaintForm, messageId: string): ComplaintResult {
  const invalid: (keyof ComplaintForm)[] = [];
  const description = form.description.trim();
  const lng = Number(form.lng);
  const lat = Number(form.lat);
  const phone = form.phone.trim();
  if (!/^\d{5}$/.test(form.categoryCode)) invalid.push('categoryCode');
  if (!description || description.length > 2000) invalid.push('description');
  if (form.lng.trim() === '' || !Number.isFinite(lng) || Math.abs(lng) > 180) invalid.push('lng');
  if (form.lat.trim() === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) invalid.push('lat');
  if (phone && !PHONE.test(phone)) invalid.push('phone');
  if (invalid.length) return { ok: false, invalid };
  const body: Record<string, unknown> = { messageId, categoryCode: form.categoryCode, description, lng, lat };
  if (form.address.trim()) body.address = form.address.trim();
  if (form.name.trim()) body.name = form.name.trim();
  if (phone) body.phone = phone;
  return { ok: true, body };
}
