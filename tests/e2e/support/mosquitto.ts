import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

// Starts a real Mosquitto for the external-broker tests, configured the way
// docker-compose's is meant to be: no anonymous clients, a password file made
// with mosquitto_passwd, and an ACL holding every client to its own topics.

export const MOSQUITTO_BIN = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';
export const MOSQUITTO_PASSWD_BIN = process.env.MOSQUITTO_PASSWD_BIN ?? '/usr/bin/mosquitto_passwd';

/** True when both Mosquitto binaries are installed. */
export function mosquittoAvailable(): boolean {
  return existsSync(MOSQUITTO_BIN) && existsSync(MOSQUITTO_PASSWD_BIN);
}

/** The ACL: the gateway may do anything; every other user only its own uplinks (write) and downlinks (read). */
export function mosquittoAcl(gatewayUser: string): string {
  return [
    `user ${gatewayUser}`,
    'topic readwrite #',
    '',
    '# %u = the connecting username (device id or worker username)',
    'pattern write devices/%u/alarm',
    'pattern write devices/%u/status',
    'pattern write devices/%u/telemetry',
    'pattern read devices/%u/ack',
    'pattern write workers/%u/reports',
    'pattern write workers/%u/location',
    'pattern read workers/%u/ack',
    'pattern read workers/%u/tasks',
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}:\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not listen on ${port} within ${timeoutMs} ms:\n${log()}`);
}

export interface RunningMosquitto {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts Mosquitto on a free loopback port with `users` (username → password) and the OneGrid ACL. */
export async function startMosquitto(users: Record<string, string>, gatewayUser: string): Promise<RunningMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'onegrid-mosquitto-'));
  const passwd = join(dir, 'passwd');
  writeFileSync(passwd, '', { mode: 0o600 });
  for (const [user, password] of Object.entries(users)) execFileSync(MOSQUITTO_PASSWD_BIN, ['-b', passwd, user, password]);
  writeFileSync(join(dir, 'acl'), mosquittoAcl(gatewayUser));
  const port = await freePort();
  writeFileSync(
    join(dir, 'mosquitto.conf'),
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${passwd}`,
      `acl_file ${join(dir, 'acl')}`,
      // Run as whoever runs the tests: as root Mosquitto would otherwise switch to
      // user "mosquitto", which cannot read the private temp directory.
      `user ${userInfo().username}`,
      'persistence false',
      // Mosquitto drops QoS 1 messages past max_queued_messages (default 1000) and
      // sends at most max_inflight_messages (default 20) unacknowledged to a client.
      'max_queued_messages 100000',
      'max_inflight_messages 1000',
      'log_type error',
      'log_type warning',
      'log_dest stderr',
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(MOSQUITTO_BIN, ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForPort(port, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
