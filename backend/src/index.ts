import { startBackend } from './server.js';

/** `npm start -w backend`: runs the backend alone (the root `npm start` runs the whole platform). */
const backend = await startBackend().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
console.log(`OneGrid backend on ${backend.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void backend.stop().then(() => process.exit(0));
  });
}
