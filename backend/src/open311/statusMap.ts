import { FINAL_STATUSES, type IncidentStatus } from '../models/index.js';
import type { Lang } from './locale.js';

/** GeoReport v2 knows two statuses: a case still in the closed loop is `open`; rejected, merged, closed and evaluated are `closed`. */
export type SpecStatus = 'open' | 'closed';

export function specStatus(status: IncidentStatus): SpecStatus {
  return FINAL_STATUSES.includes(status) ? 'closed' : 'open';
}

/** CitySDK's detailed statuses (the `detailed_status` extension). */
export type DetailedStatus = 'RECEIVED' | 'IN_PROCESS' | 'PROCESSED' | 'ARCHIVED' | 'REJECTED';

const DETAILED: Record<IncidentStatus, DetailedStatus> = {
  reported: 'RECEIVED',
  accepted: 'RECEIVED',
  dispatched: 'IN_PROCESS',
  in_progress: 'IN_PROCESS',
  returned: 'IN_PROCESS',
  postponement_requested: 'IN_PROCESS',
  suspended: 'IN_PROCESS',
  reopened: 'IN_PROCESS',
  resolved: 'PROCESSED',
  verifying: 'PROCESSED',
  closed: 'PROCESSED',
  evaluated: 'ARCHIVED',
  merged: 'ARCHIVED',
  rejected: 'REJECTED',
};

export function detailedStatus(status: IncidentStatus): DetailedStatus {
  return DETAILED[status];
}

const NOTES: Record<IncidentStatus, [zh: string, en: string]> = {
  reported: ['已收到，等待受理', 'Received, awaiting acceptance'],
  accepted: ['已受理，等待派遣', 'Accepted, awaiting dispatch'],
  dispatched: ['已派遣至责任部门', 'Dispatched to the responsible department'],
  in_progress: ['责任部门处置中', 'Being handled by the responsible department'],
  returned: ['已退回指挥中心重新派遣', 'Returned to the command center for re-dispatch'],
  postponement_requested: ['处置中，已申请延期', 'Being handled; an extension was requested'],
  suspended: ['暂缓处置（挂账）', 'On hold'],
  resolved: ['已处置，等待现场核查', 'Fixed, awaiting the on-site check'],
  verifying: ['网格员现场核查中', 'Being checked on site'],
  reopened: ['核查未通过，返工处置', 'Reopened for rework after the check'],
  closed: ['已结案', 'Closed'],
  evaluated: ['已结案并回访', 'Closed and rated by the reporter'],
  rejected: ['不予受理', 'Not accepted'],
  merged: ['重复上报，已与 {original} 合并', 'Duplicate of service request {original}'],
};

/**
 * The public note of a status, generated from the status alone: staff notes
 * and reasons stay inside (free text written by staff may name people).
 */
export function statusNotes(status: IncidentStatus, lang: Lang, original?: string): string {
  const [zh, en] = NOTES[status];
  return (lang === 'en' ? en : zh).replace('{original}', original ?? '?');
}
