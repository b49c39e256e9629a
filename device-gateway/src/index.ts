import { startGateway } from './gateway.js';

// `npm start -w device-gateway`: run the gateway until SIGINT/SIGTERM, then
// stop cleanly (stop taking messages, let running backend calls finish,
// disconnect, close the broker).

try {
  const gateway = await startGateway();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`device-gateway: ${signal} received, stopping`);
    gateway.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
