import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, FINAL_STATUSES, type IncidentStatus } from '../../models/index.js';
import { availableActions, canTransition, FORWARD_FOR_VERIFICATION, INCIDENT_ACTIONS, TRANSITIONS } from './stateMachine.js';

/** Event types agreed in docs/contracts.md (plus incident.acknowledged, added with the acknowledge action). */
const CONTRACT_EVENTS = [
  'incident.reported', 'incident.accepted', 'incident.rejected', 'incident.dispatched', 'incident.started', 'incident.returned',
  'incident.postponement_requested', 'incident.postponement_approved', 'incident.postponement_denied', 'incident.suspended',
  'incident.resolved', 'incident.verifying', 'incident.verified', 'incident.closed', 'incident.reopened', 'incident.evaluated',
  'incident.merged', 'incident.unmerged', 'incident.supervised', 'incident.replied', 'incident.acknowledged',
];

/** Every status reachable from `reported` through the table (null targets keep the status; unmerge restores an earlier one). */
function reachable(): Set<IncidentStatus> {
  const seen = new Set<IncidentStatus>(['reported']);
  const queue: IncidentStatus[] = ['reported'];
  while (queue.length) {
    const s = queue.shift()!;
    const targets = INCIDENT_ACTIONS.filter((a) => canTransition(s, a)).map((a) => TRANSITIONS[a].to);
    if (s === 'resolved') targets.push(FORWARD_FOR_VERIFICATION.to);
    for (const t of targets) {
      if (!t || seen.has(t)) continue;
      seen.add(t);
      queue.push(t);
    }
  }
  return seen;
}

describe('the state machine table', () => {
  it('reaches every status from reported', () => {
    expect([...reachable()].sort()).toEqual([...INCIDENT_STATUSES].sort());
  });

  it('leaves the loop only through final states, and every open state has a way forward', () => {
    for (const s of INCIDENT_STATUSES) {
      if (FINAL_STATUSES.includes(s) || s === 'resolved') continue;
      const moves = INCIDENT_ACTIONS.filter((a) => canTransition(s, a) && TRANSITIONS[a].to && TRANSITIONS[a].to !== s);
      expect(moves.length, `${s} has no way forward`).toBeGreaterThan(0);
    }
    expect(INCIDENT_ACTIONS.filter((a) => canTransition('rejected', a))).toEqual([]);
    expect(INCIDENT_ACTIONS.filter((a) => canTransition('evaluated', a))).toEqual([]);
    expect(INCIDENT_ACTIONS.filter((a) => canTransition('merged', a))).toEqual(['unmerge']);
  });

  it('writes only event types of the contract', () => {
    for (const a of INCIDENT_ACTIONS) expect(CONTRACT_EVENTS).toContain(TRANSITIONS[a].event);
    expect(CONTRACT_EVENTS).toContain(FORWARD_FOR_VERIFICATION.event);
  });

  it('asks a reason for reject, return, postpone, deny-postpone, suspend and reopen', () => {
    expect(INCIDENT_ACTIONS.filter((a) => TRANSITIONS[a].reasonRequired).sort()).toEqual(['deny-postpone', 'postpone', 'reject', 'reopen', 'return', 'suspend']);
  });

  it('offers each role only its own actions', () => {
    expect(availableActions('reported', 'commander').sort()).toEqual(['acknowledge', 'accept', 'dispatch', 'merge', 'reject'].sort());
    expect(availableActions('reported', 'department')).toEqual(['acknowledge']);
    expect(availableActions('in_progress', 'department').sort()).toEqual(['acknowledge', 'postpone', 'reply', 'resolve', 'return', 'start'].sort());
    expect(availableActions('postponement_requested', 'commander')).not.toContain('approve-postpone');
    expect(availableActions('postponement_requested', 'supervisor')).toContain('approve-postpone');
    expect(availableActions('verifying', 'worker')).toEqual(['verify']);
    expect(availableActions('closed', 'worker')).toEqual([]);
  });
});
