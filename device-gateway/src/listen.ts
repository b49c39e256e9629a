import type { Server } from 'node:net';


/** Thrown when a port the gateway needs is taken; the message names the variable that moves it. */
export class PortInUseError extends Error {
  constructor(
    readonly variable: string,
    readonly port: number,
    readonly host: string,
  ) {
    super(`device-gateway: port ${port} on ${host} is already in use; set ${variable} to a free port (or 0 for any)`);
    this.name = 'PortInUseError';
  }
}

/** Starts `server` listening on host:port and resolves with the actual port; EADDRINUSE becomes a PortInUseError naming `variable`. */
export function listenOn(server: Server, port: number, host: string, variable: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.removeListener('listening', onListening);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') reject(new PortInUseError(variable, port, host));
      else if (code === 'EACCES') reject(new Error(`device-gateway: no permission to listen on ${host}:${port}; set ${variable} to a port above 1023`));
      else reject(err);
    };
    const onListening = () => {
      server.removeListener('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
