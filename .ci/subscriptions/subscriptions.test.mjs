// A real graphql-ws client (the graphql-transport-ws protocol) against a running ERP Graph (ERPGRAPH_URL):
// a sandbox ERP's change reaches an inventoryChanged subscriber within a second, a connection without a credential
// is closed with 4401, and a client that goes leaves no subscription behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.ERPGRAPH_URL ?? 'http://127.0.0.1:8080';
const wsUrl = `${base.replace(/^http/, 'ws')}/graphql`;
const SKU = 'PVC-10000';
const WAREHOUSE = 'CLE';
const ERP = 'netsuite';
const WITHIN_MS = 1000;

const STOCK = `query ($sku: String!, $erp: ID!, $warehouse: String!) {
  inventory(skus: [$sku], erpSystemId: $erp, warehouse: $warehouse) { onHand }
}`;
const INVENTORY_CHANGED = `subscription ($sku: String!, $erp: ID!, $warehouse: String!) {
  inventoryChanged(skus: [$sku], erpSystemId: $erp, warehouse: $warehouse) {
    sku warehouse onHand freshness { fromCache stale erpSystem { id } }
  }
}`;

/** A token of the demo issuer (client credentials). */
async function token(client = 'demo-manager') {
  const answer = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client}:${client}-secret`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  assert.equal(answer.status, 200, 'the demo issuer gave a token');
  return (await answer.json()).access_token;
}

async function query(bearer, document, variables) {
  const answer = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const body = await answer.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

/** Open inventoryChanged subscriptions, as the server's gauge counts them. */
async function openSubscriptions(bearer) {
  const answer = await fetch(`${base}/actuator/metrics/graphql.subscriptions.active?tag=subscription:inventoryChanged`,
    { headers: { authorization: `Bearer ${bearer}` } });
  if (answer.status === 404) return 0; // no subscription yet since the start
  assert.equal(answer.status, 200);
  return (await answer.json()).measurements[0].value;
}

async function until(condition, what, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Changes the sandbox's stock of the sku and answers the event the subscriber got, failing after {@code ms} from
 * now (the change's own request included).
 */
async function change(onHand, ms, event) {
  const late = new Promise((none, fail) => setTimeout(() => fail(new Error(`no event within ${ms} ms`)), ms));
  const sent = fetch(`${base}/sandbox/${ERP}/_admin/changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'inventory', sku: SKU, warehouse: WAREHOUSE, onHand }),
  }).then((answer) => assert.equal(answer.status, 202, 'the sandbox took the change'));
  const [, value] = await Promise.race([Promise.all([sent, event]), late]);
  return value;
}

function client(connectionParams) {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

test('a sandbox change reaches an inventoryChanged subscriber within 1 s, and the subscription ends with its client',
  async () => {
    const bearer = await token();
    const variables = { sku: SKU, erp: ERP, warehouse: WAREHOUSE };
    const before = Number((await query(bearer, STOCK, variables)).inventory[0].onHand);
    const open = await openSubscriptions(bearer);

    const subscriber = client({ Authorization: `Bearer ${bearer}` });
    const events = subscriber.iterate({ query: INVENTORY_CHANGED, variables });
    const firstEvent = events.next(); // the iterator subscribes when it is first asked
    await until(async () => (await openSubscriptions(bearer)) === open + 1, 'the subscription is open');

    // A first change warms the event path of a fresh JVM (the sandbox's webhook call, its signature check): the
    // promise is about a running server, not the first request after a start.
    const warmUp = await change(before + 7, 10_000, firstEvent);
    assert.equal(Number(warmUp.value.data.inventoryChanged.onHand), before + 7);

    const changed = before + 11;
    const sent = performance.now();
    const { value } = await change(changed, WITHIN_MS, events.next());
    const elapsed = performance.now() - sent;
    console.log(`event ${elapsed.toFixed(0)} ms after the change was sent`);
    assert.ok(elapsed < WITHIN_MS, `the event came after ${elapsed} ms`);
    assert.equal(value.errors, undefined);
    const level = value.data.inventoryChanged;
    assert.equal(level.sku, SKU);
    assert.equal(level.warehouse, WAREHOUSE);
    assert.equal(Number(level.onHand), changed);
    assert.deepEqual(level.freshness, { fromCache: false, stale: false, erpSystem: { id: ERP } });

    await events.return();
    await subscriber.dispose();
    await until(async () => (await openSubscriptions(bearer)) === open, 'the subscription ended');
  });

test('a connection without a credential is closed with 4401', async () => {
  const anonymous = client({});
  const closed = await new Promise((done) => {
    anonymous.subscribe({ query: INVENTORY_CHANGED, variables: { sku: SKU, erp: ERP, warehouse: WAREHOUSE } }, {
      next: () => done({ code: 'a value arrived' }),
      error: (error) => done(error),
      complete: () => done({ code: 'completed' }),
    });
  });
  await anonymous.dispose();
  assert.equal(closed.code, 4401);
});
