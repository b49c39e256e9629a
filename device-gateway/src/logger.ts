import pino, { type Logger } from 'pino';

/** The gateway's pino logger at `level`, every line tagged `service: device-gateway`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'device-gateway' } });
}
