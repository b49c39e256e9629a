import type { StoredEvent } from '../kernel/index.js';
import type { AppDeps } from '../deps.js';
import { liveListView } from '../incidents/index.js';

type View = Awaited<ReturnType<typeof liveListView>>;

/** How many recent events keep their view in memory (every open stream shares one read per event). */
const REMEMBERED = 1_000;

/**
 * The list view of the case an incident event is about, read once per event
 * however many streams send it (a burst of N alarms costs N reads, not N per
 * operator screen). A failed read gives no view; the client then keeps what it has.
 */
export function createLiveViews(deps: Pick<AppDeps, 'models' | 'clock' | 'logger'>) {
  const bySeq = new Map<number, Promise<View>>();
  return (event: StoredEvent): Promise<View> => {
    if (event.aggregate !== 'incident') return Promise.resolve(null);
    let view = bySeq.get(event.seq);
    if (!view) {
      view = liveListView(deps, event.aggregateId).catch((err: unknown) => {
        deps.logger.warn({ err, seq: event.seq }, 'live view failed');
        return null;
      });
      bySeq.set(event.seq, view);
      if (bySeq.size > REMEMBERED) bySeq.delete(bySeq.keys().next().value!);
    }
    return view;
  };
}
