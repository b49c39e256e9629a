import type { Incident, TimelineEntry } from '../../models/index.js';

/** `13812341234` (or `+86 138-1234-1234`) → `138****1234`; anything shorter than 7 digits keeps only its last two. */
export function maskPhone(phone: string): string {
  const all = phone.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all; // +86 country code
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** A person's name reduced to its initial: `张三` → `张*`, `Li Wei` → `L.`. */
export function initialOf(name: string): string {
  const first = [...name.trim()][0];
  if (!first) return '';
  return /[\p{Script=Han}]/u.test(first) ? `${first}*` : `${first.toUpperCase()}.`;
}

/**
 * Free text with ID-card-like numbers hidden, every phone-like number (7+ digits,
 * spaces or dashes between) masked, and the known names (the reporter's) reduced
 * to their initial.
 */
export function maskText(text: string | undefined, names: (string | undefined)[] = []): string | undefined {
  if (!text) return text;
  let out = text
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, '******************')
    .replace(/(?<!\d)(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,14}(?!\d)/g, (m) => maskPhone(m));
  for (const name of names) if (name && name.trim().length > 1) out = out.split(name.trim()).join(initialOf(name));
  return out;
}

/** The events a resident sees on the tracking page (internal deadline and supervision steps stay inside). */
export const PUBLIC_EVENT_TYPES: readonly string[] = [
  'incident.reported',
  'incident.accepted',
  'incident.rejected',
  'incident.merged',
  'incident.dispatched',
  'incident.started',
  'incident.postponement_approved',
  'incident.resolved',
  'incident.verifying',
  'incident.verified',
  'incident.closed',
  'incident.reopened',
  'incident.evaluated',
];

const ROLE_LABEL: Record<string, string> = {
  admin: 'command_center',
  commander: 'command_center',
  supervisor: 'command_center',
  department: 'department',
  worker: 'grid_worker',
  service: 'system',
};

function publicEntry(e: TimelineEntry) {
  return {
    type: e.type,
    at: e.at,
    status: e.to,
    by: e.actor ? { role: ROLE_LABEL[e.actor.role] ?? 'system', initial: e.actor.name && e.actor.role !== 'service' ? initialOf(e.actor.name) : undefined } : undefined,
  };
}

/**
 * What `GET /api/public/track/:code` shows: the case's status and public
 * timeline with personal data masked (phone `138****1234`, names reduced to an
 * initial). Staff notes and reasons stay inside: free text written by staff may
 * name people, and no mask can find every name. For a duplicate, `followed` is the original whose outcome the
 * reporter follows; its own reporter is never shown.
 */
export function presentPublic(own: Incident, followed: Incident = own) {
  return {
    trackingCode: own.trackingCode,
    status: followed.status,
    merged: own._id.toString() !== followed._id.toString(),
    categoryCode: followed.categoryCode,
    title: followed.title,
    description: maskText(own.description, [own.reporter?.name]),
    address: own.address,
    reporter: own.reporter
      ? { name: own.reporter.name ? initialOf(own.reporter.name) : undefined, phone: own.reporter.phone ? maskPhone(own.reporter.phone) : undefined }
      : undefined,
    reportedAt: own.reportedAt,
    closedAt: followed.closedAt,
    rating: followed.rating ? { value: followed.rating.value, at: followed.rating.at } : undefined,
    canRate: followed.status === 'closed',
    timeline: (followed.timeline ?? []).filter((e) => PUBLIC_EVENT_TYPES.includes(e.type)).map(publicEntry),
  };
}
