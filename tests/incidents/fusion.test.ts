import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction, reportIncident, trackIncident } from '@onegrid/backend/incidents';
import { CAT_COVER, CAT_DUST, CAT_RUBBISH, PRINCIPALS as P, incidentWorld, pointIn, type IncidentWorld } from '../support/fixtures.js';
import { act, expectTimelineRebuilds, load, report, typesOf } from './helpers.js';

let w: IncidentWorld;
beforeAll(async () => {
  w = await incidentWorld();
});
afterAll(() => w.close());

const openCount = () => w.models.Incident.countDocuments({ open: true });

describe('fusion (信息融合) at intake', () => {
  it('links a report of the same category within 50 m and 24 h as a duplicate of the open case', async () => {
    const original = await report(w, { ...pointIn('A1') });
    w.clock.advance(3_600_000);
    const dup = await report(w, { ...pointIn('A1', 30) }, P.workerA);
    expect(dup.status).toBe('merged');
    expect(String(dup.mergedInto)).toBe(String(original._id));
    expect(dup.open).toBe(false);
    expect(typesOf(dup)).toEqual(['incident.reported', 'incident.merged']);
    expect(dup.outbox[1].data).toMatchObject({ how: 'fusion', targetId: String(original._id), distanceM: 30 });
    expect((await load(w, original._id)).duplicateIds.map(String)).toEqual([String(dup._id)]);
    // The duplicate's reporter follows the original's outcome.
    const tracked = await trackIncident(w.deps, dup.trackingCode);
    expect(String(tracked.followed._id)).toBe(String(original._id));
    await expectTimelineRebuilds(w, dup._id);
  });

  it('keeps apart reports farther than the distance, of another category, or after the window', async () => {
    const base = await report(w, { ...pointIn('B2') });
    const far = await report(w, { ...pointIn('B2', 0, 60) });
    expect(far.status).toBe('reported');
    const otherCategory = await report(w, { ...pointIn('B2', 5), categoryCode: CAT_COVER });
    expect(otherCategory.status).toBe('reported');
    w.clock.advance(25 * 3_600_000);
    const late = await report(w, { ...pointIn('B2', -5) });
    expect(late.status).toBe('reported');
    expect((await load(w, base._id)).duplicateIds).toEqual([]);
  });

  it('takes distance and window from the category (工地扬尘: 30 m, 2 h)', async () => {
    const dust = await report(w, { ...pointIn('B1'), categoryCode: CAT_DUST });
    const at40 = await report(w, { ...pointIn('B1', 40), categoryCode: CAT_DUST });
    expect(at40.status).toBe('reported');
    const at20 = await report(w, { ...pointIn('B1', 0, 20), categoryCode: CAT_DUST });
    expect(String(at20.mergedInto)).toBe(String(dust._id));
    w.clock.advance(3 * 3_600_000);
    const later = await report(w, { ...pointIn('B1', 0, -10), categoryCode: CAT_DUST });
    expect(later.status).toBe('reported');
  });

  it('fuses a worker report with the sensor alarm of the same event', async () => {
    const { incident: alarm } = await reportIncident(w.deps, P.gateway, {
      source: 'device', senderId: 'cover-9', deviceId: 'cover-9', messageId: 'a1', categoryCode: CAT_COVER, severity: 'critical', trusted: true, ...pointIn('A2'),
    });
    expect(alarm.status).toBe('dispatched');
    const worker = await report(w, { categoryCode: CAT_COVER, ...pointIn('A2', 8, 8), description: '井盖翘起' });
    expect(worker.status).toBe('merged');
    expect(String(worker.mergedInto)).toBe(String(alarm._id));
  });

  it('never fuses into a case that left the loop (rejected)', async () => {
    const gone = await report(w, { ...pointIn('A1', -40, 40), categoryCode: CAT_RUBBISH });
    await act(w, P.commander, gone._id, 'reject', { reason: 'no rubbish found' });
    const again = await report(w, { ...pointIn('A1', -40, 40) });
    expect(again.status).toBe('reported');
  });
});

describe('manual merge and unmerge', () => {
  it('merges a dispatched case into another and unmerges it back, restoring counts, state and clock', async () => {
    const x = await report(w, { ...pointIn('A1', 45, -45), description: 'X' });
    const y = await report(w, { ...pointIn('B2', 45, -45), description: 'Y' });
    await act(w, P.commander, y._id, 'dispatch');
    const before = { open: await openCount(), dups: (await load(w, x._id)).duplicateIds.length };

    const merged = await act(w, P.commander, y._id, 'merge', { targetId: String(x._id) });
    expect(merged.status).toBe('merged');
    expect(merged.clock).toBeUndefined();
    expect(await openCount()).toBe(before.open - 1);
    expect((await load(w, x._id)).duplicateIds.length).toBe(before.dups + 1);

    const back = await act(w, P.commander, y._id, 'unmerge');
    expect(back.status).toBe('dispatched');
    expect(back.mergedInto).toBeUndefined();
    expect(back.clock?.stage).toBe('handle');
    expect(await openCount()).toBe(before.open);
    expect((await load(w, x._id)).duplicateIds.length).toBe(before.dups);
    await expectTimelineRebuilds(w, y._id);
  });

  it('unmerges a fused duplicate back to a reported case with its accept clock', async () => {
    const a = await report(w, { ...pointIn('B1', -45, 45) });
    const b = await report(w, { ...pointIn('B1', -40, 45) });
    expect(b.status).toBe('merged');
    const u = await act(w, P.commander, b._id, 'unmerge');
    expect(u.status).toBe('reported');
    expect(u.clock?.stage).toBe('accept');
    expect((await load(w, a._id)).duplicateIds).toEqual([]);
  });

  it('refuses to merge into itself or into a case that left the loop', async () => {
    const a = await report(w, { ...pointIn('A2', 45, 45) });
    await expect(applyAction(w.deps, P.commander, String(a._id), 'merge', { version: a.version, targetId: String(a._id) })).rejects.toMatchObject({ status: 422, code: 'merge_into_self' });
    const b = await report(w, { ...pointIn('B1', -45, -45) });
    await act(w, P.commander, b._id, 'reject', { reason: 'x' });
    await expect(applyAction(w.deps, P.commander, String(a._id), 'merge', { version: a.version, targetId: String(b._id) })).rejects.toMatchObject({ status: 422, code: 'merge_target_closed' });
  });
});
