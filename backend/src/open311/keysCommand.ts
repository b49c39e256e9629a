import { AppError } from '../kernel/index.js';
import type { Models } from '../models/index.js';
import { createClient, DEFAULT_POSTS_PER_HOUR, listClients, revokeClient } from './apiKeys.js';

export const KEYS_USAGE = `Usage: npm run open311:keys -- <command>
  create NAME [--rate N]   issue an API key for the client application NAME (N service requests per hour, default ${DEFAULT_POSTS_PER_HOUR});
                           the key is printed once and stored only as a hash
  list                     the client applications, their key's last characters, state and last use
  revoke NAME              revoke NAME's key: its requests get 403 from then on`;

/** The outcome of one keys command: what to print and the process exit code (0 ok, 1 refused, 2 usage). */
export interface KeysOutcome {
  code: 0 | 1 | 2;
  out: string[];
  err: string[];
}

/**
 * The command behind `npm run open311:keys`: `create NAME [--rate N]`,
 * `list`, `revoke NAME`. Shared by the CLI and its tests; it never exits and
 * never prints itself.
 */
export async function runKeysCommand(models: Pick<Models, 'Open311Client'>, argv: string[], now: Date): Promise<KeysOutcome> {
  const [command, ...rest] = argv;
  const usage = (message?: string): KeysOutcome => ({ code: 2, out: [], err: [...(message ? [`open311:keys: ${message}`, ''] : []), KEYS_USAGE] });
  try {
    if (command === 'create') {
      const name = rest[0];
      if (!name || name.startsWith('-')) return usage('create needs a NAME');
      let rate = DEFAULT_POSTS_PER_HOUR;
      const flags = rest.slice(1);
      for (let i = 0; i < flags.length; i++) {
        if (flags[i] === '--rate' && /^\d+$/.test(flags[i + 1] ?? '')) rate = Number(flags[++i]);
        else return usage(`unknown option ${flags[i]}`);
      }
      const { key, client } = await createClient(models, name, rate);
      return {
        code: 0,
        out: [`Open311 client ${client.name} created (${client.postsPerHour} requests per hour).`, `api_key: ${key}`, 'Give this key to the client application now: it is stored only as a hash and cannot be shown again.'],
        err: [],
      };
    }
    if (command === 'list') {
      if (rest.length) return usage('list takes no arguments');
      const clients = await listClients(models);
      if (!clients.length) return { code: 0, out: ['No Open311 clients.'], err: [] };
      const rows = clients.map((c) => [c.name, `…${c.keyHint}`, c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'active', `${c.postsPerHour}/h`, c.lastUsedAt ? `last used ${c.lastUsedAt.toISOString()}` : 'never used']);
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      return { code: 0, out: rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()), err: [] };
    }
    if (command === 'revoke') {
      if (rest.length !== 1) return usage('revoke needs exactly one NAME');
      const client = await revokeClient(models, rest[0], now);
      return { code: 0, out: [`Open311 client ${client.name}: key revoked at ${client.revokedAt?.toISOString()}.`], err: [] };
    }
    return usage(command ? `unknown command ${command}` : undefined);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { code: 1, out: [], err: [`open311:keys: ${err.message}`] };
    throw err;
  }
}
