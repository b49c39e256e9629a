import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from 'pino';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { canPublish, canSubscribe, describeIdentity, type ClientIdentity } from './acl.js';
import type { Authenticator } from './authenticator.js';
import { listenOn } from './listen.js';

// The embedded broker: Aedes over TCP and over WebSocket (path /mqtt), with
// every connection authenticated and held to its own topics. Sessions and
// queued QoS 1 messages live in memory: they survive a backend outage (the
// broker keeps running) but not a restart of the gateway process.

export interface EmbeddedBrokerOptions {
  host: string;
  port: number;
  wsPort: number;
  authenticator: Authenticator;
  logger: Logger;
}

export interface EmbeddedBroker {
  /** The Aedes instance, for metrics and tests (its `ack` and `client` events). */
  aedes: Aedes;
  mqttPort: number;
  wsPort: number;
  /** Lets devices and workers in; until then only the gateway's own forwarder may connect, so nothing is published before it subscribes. */
  open(): void;
  stop(): Promise<void>;
}

const refusal = (returnCode: 3 | 5, message: string): AuthenticateError =>
  Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/** Starts Aedes on TCP `port` and WebSocket `wsPort` (0 = any free port) and resolves once both listen. */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { logger, authenticator } = options;
  const identities = new WeakMap<Client, ClientIdentity>();
  let opened = false;

  const aedes = await Aedes.createBroker({
    id: 'onegrid-embedded',
    authenticate(client, username, password, done) {
      authenticator.authenticate(client.id, username, password).then(
        (verdict) => {
          if (!verdict.ok) {
            logger.warn({ clientId: client.id, username, reason: verdict.reason }, 'mqtt connect refused');
            return done(verdict.reason === 'unavailable' ? refusal(3, 'backend unavailable') : refusal(5, 'not authorized'), false);
          }
          if (!opened && verdict.identity.kind !== 'internal') return done(refusal(3, 'gateway starting'), false);
          identities.set(client, verdict.identity);
          logger.debug({ clientId: client.id, who: describeIdentity(verdict.identity) }, 'mqtt client authenticated');
          done(null, true);
        },
        (err: unknown) => {
          logger.error({ err, clientId: client.id }, 'mqtt authentication failed');
          done(refusal(3, 'authentication failed'), false);
        },
      );
    },
    authorizePublish(client, packet, done) {
      if (!client) return done(null);
      const identity = identities.get(client);
      if (identity && canPublish(identity, packet.topic)) return done(null);
      logger.warn({ clientId: client.id, who: identity && describeIdentity(identity), topic: packet.topic }, 'mqtt publish refused');
      done(new Error(`publish to ${packet.topic} not allowed`));
    },
    authorizeSubscribe(client, subscription, done) {
      const identity = identities.get(client);
      if (identity && canSubscribe(identity, subscription.topic)) return done(null, subscription);
      logger.warn({ clientId: client.id, who: identity && describeIdentity(identity), topic: subscription.topic }, 'mqtt subscribe refused');
      done(null, null);
    },
  });
  aedes.on('clientError', (client, err) => logger.debug({ clientId: client.id, err: err.message }, 'mqtt client error'));
  aedes.on('connectionError', (_client, err) => logger.debug({ err: err.message }, 'mqtt connection error'));

  const sockets = new Set<Socket>();
  const tcp = createTcpServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  const http = createHttpServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket: connect to /mqtt\n');
  });

  const closeAedes = () => new Promise<void>((resolve) => aedes.close(() => resolve()));
  let mqttPort: number;
  let wsPort: number;
  try {
    mqttPort = await listenOn(tcp, options.port, options.host, 'MQTT_PORT');
    wsPort = await listenOn(http, options.wsPort, options.host, 'MQTT_WS_PORT');
  } catch (err) {
    tcp.close();
    http.close();
    await closeAedes();
    throw err;
  }
  // Attached after listen: ws re-emits the HTTP server's listen errors as its own.
  const wss = new WebSocketServer({ server: http, path: '/mqtt' });
  wss.on('error', (err) => logger.error({ err: err.message }, 'mqtt websocket server error'));
  wss.on('connection', (socket, req) => {
    const stream = createWebSocketStream(socket);
    stream.on('error', (err) => logger.debug({ err: err.message }, 'mqtt websocket error'));
    aedes.handle(stream, req);
  });
  logger.info({ host: options.host, mqttPort, wsPort }, 'embedded MQTT broker listening (tcp, websocket /mqtt)');

  return {
    aedes,
    mqttPort,
    wsPort,
    open() {
      opened = true;
    },
    async stop() {
      opened = false;
      await closeAedes();
      const tcpClosed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      for (const client of wss.clients) client.terminate();
      wss.close();
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await Promise.all([tcpClosed, httpClosed]);
    },
  };
}
