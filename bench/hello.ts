/**
 * The ceiling for one core: a plain node:http hello world, started by the benchmark on the server's
 * core. Everything Daftar does per request is measured against what this answers in the same run.
 */
import http from 'node:http';

const body = Buffer.from('{"hello":"world"}');
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env['PORT'] ?? 8090), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
