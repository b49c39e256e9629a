/** Reports one long step: a bar rewritten in place on a terminal, a line per 10 % otherwise. */
export interface Progress {
  tick(done: number): void;
  done(note?: string): void;
}

/** Where seed logs go: false = nowhere, true = stderr, or a function taking each line. */
export type LogOption = boolean | ((line: string) => void);

/** A progress reporter for `label` over `total` items, silent when logging is off. */
export function progress(log: LogOption | undefined, label: string, total: number): Progress {
  const started = Date.now();
  if (!log || total <= 0) return { tick: () => undefined, done: () => undefined };
  const line = typeof log === 'function' ? log : (text: string) => process.stderr.write(`${text}\n`);
  const tty = log === true && process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  const text = (done: number) => {
    const share = Math.min(1, done / total);
    const bar = '#'.repeat(Math.round(share * 24)).padEnd(24, '.');
    return `${label.padEnd(18)} [${bar}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total} ${((Date.now() - started) / 1000).toFixed(1)}s`;
  };
  return {
    tick(done) {
      if (tty) {
        if (Date.now() - lastDraw < 100 && done < total) return;
        lastDraw = Date.now();
        process.stderr.write(`\r${text(done)}`);
      } else {
        const decile = Math.floor((done / total) * 10);
        if (decile > lastDecile && total >= 10_000) {
          lastDecile = decile;
          line(text(done));
        }
      }
    },
    done(note) {
      const final = `${text(total)}${note ? ` ${note}` : ''}`;
      if (tty) process.stderr.write(`\r${final}\n`);
      else line(final);
    },
  };
}
