// Every operation Daftra's official docs export documents is routed here: the export is read at test
// time (../shared/spec/daftra-docs), each operation called at its concrete URL, and any the server
// answers with "no such route" (api2's 404 Invalid Endpoint, v2's 404 Not Found / Entity Not exists,
// a 405 for an entity without that operation) is listed. A 404 "not found" for the placeholder id, a
// 4xx for an empty body, are answers of a route and count as routed.
import assert from 'node:assert/strict';
import { eachDatabase, type Reply, it } from './support/harness.js';
import { type DocumentedOperation, docsPresent, documentedOperations } from './support/docs-operations.js';

const DOCUMENTED_OPERATIONS = 244;

/** Operations not served yet, by "METHOD documented-path"; the test fails when this list is wrong either way. */
const NOT_YET_ROUTED = new Set<string>([]);

function noSuchRoute(reply: Reply): boolean {
  if (reply.status === 405) return true;
  if (reply.status !== 404) return false;
  const body = reply.body as Record<string, unknown> | string;
  if (typeof body !== 'object' || body === null) return true;
  return (
    body['message'] === 'Invalid Endpoint' || body['message'] === 'Not Found' || body['error'] === 'Entity Not exists'
  );
}

const keyOf = (operation: DocumentedOperation) => `${operation.method} ${operation.documented}`;

it('reads the 244 operations of the docs export and resolves each to a URL on api2, v2 or the root', {
  skip: docsPresent() ? false : 'docs export not found at ../shared/spec/daftra-docs',
}, () => {
  const operations = documentedOperations();
  assert.equal(operations.length, DOCUMENTED_OPERATIONS);
  const byUrl = (documented: string, method = 'GET') =>
    operations.find((op) => op.documented === documented && op.method === method)!.url;
  assert.equal(byUrl('/invoices{format}'), '/api2/invoices.json');
  assert.equal(byUrl('/booking/list/1'), '/v2/api/entity/booking/list/1');
  assert.equal(byUrl('/bookings/add', 'POST'), '/api2/bookings/add');
  assert.equal(byUrl('/leave_application/list/1'), '/v2/api/entity/leave_application/list/1');
  assert.equal(byUrl('/branches'), '/api2/branches');
  assert.equal(byUrl('/v2/api/entity/cost_center', 'POST'), '/v2/api/entity/cost_center');
  assert.equal(byUrl('/requisitions'), '/api2/requisitions');
  for (const name of NOT_YET_ROUTED)
    assert.ok(
      operations.some((op) => keyOf(op) === name),
      `${name} is not documented`,
    );
});

eachDatabase('docs export operations are routed', (server) => {
  it('routes every documented operation (none answers "no such route")', {
    skip: docsPresent() ? false : 'docs export not found',
  }, async () => {
    const unrouted: string[] = [];
    for (const operation of documentedOperations()) {
      const body = ['POST', 'PUT', 'PATCH'].includes(operation.method) ? {} : undefined;
      const reply = await server().request(operation.method, operation.url, body);
      assert.ok(
        reply.status < 500,
        `${operation.method} ${operation.url}: ${reply.status} ${reply.text.slice(0, 300)}`,
      );
      if (noSuchRoute(reply)) unrouted.push(keyOf(operation));
    }
    const unexpected = unrouted.filter((name) => !NOT_YET_ROUTED.has(name));
    const nowRouted = [...NOT_YET_ROUTED].filter((name) => !unrouted.includes(name));
    if (process.env['DOCS_ROUTES_LIST']) console.log(`UNROUTED ${JSON.stringify(unrouted)}`);
    console.log(
      `docs export: ${DOCUMENTED_OPERATIONS - unrouted.length} of ${DOCUMENTED_OPERATIONS} operations routed, ${unrouted.length} not yet`,
    );
    assert.deepEqual(unexpected, [], 'documented operations answered "no such route"');
    assert.deepEqual(nowRouted, [], 'routed now: remove them from NOT_YET_ROUTED');
  });
});
