import http from 'node:http';

export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

export interface SseConnection {
  events: SseEvent[];
  status: number;
  /** Resolves with the first received event matching, waiting up to timeoutMs. */
  waitFor(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  comments(): number;
  close(): void;
}

/** Opens an SSE stream with node:http and parses frames as they arrive (a minimal EventSource for tests). */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    let comments = 0;
    const waiters = new Set<() => void>();
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let idx: number;
        while ((idx = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const e: Partial<SseEvent> & { dataText?: string } = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments++;
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.dataText = (e.dataText ?? '') + line.slice(6);
          }
          if (e.dataText !== undefined) {
            events.push({ id: e.id ?? '', event: e.event ?? 'message', data: JSON.parse(e.dataText) });
            for (const w of waiters) w();
          }
        }
      });
      resolve({
        events,
        status: res.statusCode ?? 0,
        comments: () => comments,
        waitFor(match, timeoutMs = 5000) {
          return new Promise((res2, rej2) => {
            const check = () => {
              const found = events.find(match);
              if (found) {
                waiters.delete(check);
                clearTimeout(timer);
                res2(found);
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              rej2(new Error(`no matching SSE event within ${timeoutMs} ms (got ${events.map((x) => x.event).join(', ') || 'none'})`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}
