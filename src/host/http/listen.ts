/** Binding the main port, with a clear message when it is taken. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostStartError } from '../load/appFiles';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new HostStartError(
              `Port ${port} is in use. Stop the other process or pass --port <n> (0 picks a free port).`,
            )
          : error,
      );
    });
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}
