/** The face of bus/: the only module other folders (and seed, bench, tests) import from it. */
export { startConsumer } from './consumer.js';
export { startEventBus } from './eventBus.js';
export { acquireLease, releaseLease } from './lease.js';
export { nextSeq, relayOutboxes } from './relay.js';
