// ERP Graph under a real Apollo gateway (see supergraph.mjs): queries that cross both subgraphs, in both directions,
// answer what ERP Graph answers directly; an account-360 page through the gateway costs every ERP the same requests as
// directly (run it against a server whose ERP cache TTLs are 0, as .ci/federation/run starts it, so that both pages
// are cold); a partner's token through the gateway meets the subgraph's trusted-documents rule.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { query, sandboxStats, signIn, startSupergraph } from './supergraph.mjs';

const erpGraph = process.env.ERPGRAPH_URL;
if (!erpGraph) throw new Error('ERPGRAPH_URL is not set (.ci/federation/run sets it)');
const ERPS = ['sap', 'netsuite', 'business-central', 'p21', 'sxe'];
const ACCOUNT_360 = await readFile(new URL('../../graph/src/test/resources/graphql-test/account360.graphql', import.meta.url), 'utf8');

let manager;
let supergraph;
let accounts; // three SAP accounts as ERP Graph answers them directly, each with its newest order

before(async () => {
  manager = await signIn(erpGraph, 'demo-manager');
  const direct = await query(`${erpGraph}/graphql`, manager, `{
    accounts(first: 3, filter: { erpSystemId: "sap" }) {
      nodes { id name orders(first: 1) { number status erpSystem { id name } total { amount currency } } }
    }
  }`);
  assert.equal(direct.errors, undefined, JSON.stringify(direct.errors));
  accounts = direct.data.accounts.nodes;
  assert.equal(accounts.length, 3);
  const visits = accounts.flatMap((account, index) => Array.from({ length: index + 1 }, (_, visit) => ({
    id: `visit-${index}-${visit}`,
    accountId: account.id,
    order: account.orders[0] ? { erpSystem: { id: account.orders[0].erpSystem.id }, number: account.orders[0].number } : null,
  })));
  supergraph = await startSupergraph(erpGraph, manager, visits);
});

after(async () => {
  await supergraph?.stop();
});

test('from ERP Graph to the visits subgraph and back: accounts, their visits, and the order of the last visit', async () => {
  const answer = await query(supergraph.gatewayUrl, manager, `{
    accounts(first: 3, filter: { erpSystemId: "sap" }) {
      nodes { id name visitCount lastVisitOrder { number status erpSystem { id name } total { amount currency } } }
    }
  }`);

  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  assert.deepEqual(answer.data.accounts.nodes, accounts.map((account, index) => ({
    id: account.id,
    name: account.name,
    visitCount: index + 1,
    lastVisitOrder: account.orders[0] ?? null,
  })));
});

test('from the visits subgraph to ERP Graph: each visit\'s account and order, resolved by their keys', async () => {
  const answer = await query(supergraph.gatewayUrl, manager, `{
    visits { id account { id name } order { number status erpSystem { id name } total { amount currency } } }
  }`);

  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  const expected = accounts.flatMap((account, index) => Array.from({ length: index + 1 }, (_, visit) => ({
    id: `visit-${index}-${visit}`,
    account: { id: account.id, name: account.name },
    order: account.orders[0] ?? null,
  })));
  assert.deepEqual(answer.data.visits, expected);
});

test('an account-360 page through the gateway costs every ERP the requests it costs directly', async () => {
  const variables = { erpSystemId: 'sap', first: 5 };
  const cost = async (url) => {
    const before = await Promise.all(ERPS.map((erp) => sandboxStats(erpGraph, erp)));
    const answer = await query(url, manager, ACCOUNT_360, variables);
    const after = await Promise.all(ERPS.map((erp) => sandboxStats(erpGraph, erp)));
    assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    const requests = Object.fromEntries(ERPS.map((erp, index) => [erp, Object.fromEntries(
      Object.entries(after[index].byResource)
        .map(([resource, count]) => [resource, count - (before[index].byResource[resource] ?? 0)])
        .filter(([, count]) => count > 0))]));
    return { data: answer.data, requests };
  };

  const direct = await cost(`${erpGraph}/graphql`);
  const throughGateway = await cost(supergraph.gatewayUrl);

  assert.ok(Object.keys(direct.requests.sap).length >= 3, `SAP was asked: ${JSON.stringify(direct.requests)}`);
  assert.deepEqual(throughGateway.requests, direct.requests);
  assert.deepEqual(throughGateway.data, direct.data);
});

test('a partner\'s token through the gateway meets the subgraph\'s trusted-documents rule', async () => {
  const partner = await signIn(erpGraph, 'demo-partner-1');

  const answer = await query(supergraph.gatewayUrl, partner, '{ accounts(first: 1) { nodes { id name visitCount } } }');

  assert.equal(answer.data?.accounts ?? null, null);
  assert.match(JSON.stringify(answer.errors), /PERSISTED_QUERY_NOT_FOUND/);
});
