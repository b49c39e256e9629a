import { ManualClock } from '@onegrid/backend/kernel';

/** What a script sees: its own clock, and a way to wait until a later simulated time. */
export interface ScriptContext {
  clock: ManualClock;
  /** Suspends the script until the scheduler reaches `at`; `exclusive` steps run one at a time, in order. */
  wait(at: Date | number, exclusive?: boolean): Promise<void>;
}

interface Script {
  clock: ManualClock;
  turnDone?: () => void;
}

interface Waiting {
  at: number;
  seq: number;
  exclusive: boolean;
  script: Script;
  resume: () => void;
}

/**
 * A discrete-event scheduler for many scripts (one per past incident), each
 * with its own clock. Time advances slot by slot: in each slot, exclusive steps
 * (those whose outcome depends on order, like intake with its case numbers and
 * fusion) run one at a time in time order, then the other steps run
 * concurrently, each at its own instant. Scripts touch only their own incident
 * outside exclusive steps, so the result is the same on every run.
 */
export class SimClock {
  private readonly heap: Waiting[] = [];
  private seq = 0;

  constructor(
    private readonly start: Date,
    private readonly slotMs: number,
    private readonly concurrency = 24,
  ) {}

  /** Starts a script; it runs when the scheduler reaches its first wait. Errors go to `onError`; the scheduler carries on. */
  spawn(body: (ctx: ScriptContext) => Promise<void>, onError: (err: unknown) => void): void {
    const script: Script = { clock: new ManualClock(this.start) };
    const ctx: ScriptContext = {
      clock: script.clock,
      wait: (at, exclusive = false) =>
        new Promise<void>((resume) => {
          const t = Math.max(new Date(at).getTime(), script.clock.now().getTime());
          this.push({ at: t, seq: this.seq++, exclusive, script, resume });
          this.endTurn(script);
        }),
    };
    void body(ctx)
      .catch(onError)
      .finally(() => this.endTurn(script));
  }

  /** Plays every step due before `until`, slot by slot; `onSlot` reports progress. An abort stops after the current slot. */
  async run(until: Date, onSlot?: (at: Date) => void, signal?: AbortSignal): Promise<void> {
    const end = until.getTime();
    await new Promise((r) => setImmediate(r)); // spawned scripts reach their first wait
    while (!signal?.aborted && this.heap.length && this.heap[0].at <= end) {
      const slotEnd = Math.min(end + 1, this.heap[0].at + this.slotMs);
      const slot: Waiting[] = [];
      while (this.heap.length && this.heap[0].at < slotEnd) slot.push(this.pop());
      for (const w of slot.filter((s) => s.exclusive)) await this.resume(w);
      const rest = slot.filter((s) => !s.exclusive);
      for (let i = 0; i < rest.length; i += this.concurrency) await Promise.all(rest.slice(i, i + this.concurrency).map((w) => this.resume(w)));
      onSlot?.(new Date(slotEnd));
    }
  }

  private resume(w: Waiting): Promise<void> {
    return new Promise<void>((done) => {
      w.script.turnDone = done;
      w.script.clock.set(w.at);
      w.resume();
    });
  }

  private endTurn(script: Script): void {
    const done = script.turnDone;
    script.turnDone = undefined;
    done?.();
  }

  private push(w: Waiting): void {
    const h = this.heap;
    h.push(w);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (before(h[p], h[i])) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private pop(): Waiting {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Waiting, b: Waiting): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
