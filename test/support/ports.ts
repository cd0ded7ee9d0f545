/** Ports for servers started by the tests and by the benchmark (bench/procs.ts). */
import net from 'node:net';

/** A port nobody listens on now (the OS hands out a free one, which is then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
