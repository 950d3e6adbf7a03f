// A local HTTP server on 127.0.0.1 that counts every request: proof that nothing reached the network.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Spy {
  /** http://127.0.0.1:<free port> */
  origin: string;
  /** Every path requested so far. */
  requests: string[];
  close(): Promise<void>;
}

export async function startSpy(): Promise<Spy> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
      'base64',
    );
    res.writeHead(200, { 'content-type': req.url?.endsWith('.css') ? 'text/css' : 'image/png' });
    res.end(req.url?.endsWith('.css') ? 'body{color:red}' : png);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
