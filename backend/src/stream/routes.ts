import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import type { Principal, StoredEvent } from '../kernel/index.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../http/index.js';
import { canSeeEvent } from './eventScope.js';

const CATCH_UP_LIMIT = 5000;

function frame(event: StoredEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * `GET /api/stream`: Server-Sent Events of the caller's scope. Resumes after
 * `Last-Event-ID` (header or `lastEventId` query) from `events`, then goes
 * live; a heartbeat comment keeps proxies from closing the connection.
 */
export function streamRoutes(deps: AppDeps): Router {
  const router = new Router();
  router.get('/api/stream', requireRole('admin', 'commander', 'supervisor', 'department', 'worker'), async (ctx) => {
    const user = ctx.state.user as Principal;
    const header = ctx.get('last-event-id');
    const fromQuery = typeof ctx.query.lastEventId === 'string' ? ctx.query.lastEventId : '';
    const resumeFrom = Number(header || fromQuery);
    const stream = new PassThrough();
    let lastSent = Number.isFinite(resumeFrom) && resumeFrom > 0 ? resumeFrom : 0;
    const buffered: StoredEvent[] = [];
    let live = false;
    const send = (event: StoredEvent) => {
      if (event.seq <= lastSent || !canSeeEvent(user, event)) return;
      lastSent = event.seq;
      stream.write(frame(event));
    };
    const unsubscribe = deps.bus.onAppended((event) => (live ? send(event) : buffered.push(event)));
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), deps.env.SSE_HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      stream.end();
    };
    ctx.req.on('close', close);
    ctx.req.socket.setTimeout(0);
    ctx.set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    ctx.status = 200;
    ctx.body = stream;
    stream.write(`retry: 3000\n: connected\n\n`);
    if (lastSent > 0) {
      const missed = await deps.models.Event.find({ seq: { $gt: lastSent } }).sort({ seq: 1 }).limit(CATCH_UP_LIMIT).lean<StoredEvent[]>();
      for (const e of missed) send(e);
    }
    live = true;
    for (const e of buffered.splice(0)) send(e);
  });
  return router;
}
