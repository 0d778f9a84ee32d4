// The gateway's overhead on the account-360 page: the same page (51 accounts of SAP, Business Central and NetSuite
// with credit, a price, orders, lines and line inventory: the benchmark's document) asked of ERP Graph directly and
// through the Apollo gateway of supergraph.mjs, in one run, interleaved round by round so that both see the same
// machine. Warm: every ERP value cached after the warm-up, so what differs is the gateway alone (query planning, the
// extra HTTP hop, re-serialising the answer). Prints median, p95 and the difference; asserts nothing.
//
//   ERPGRAPH_URL=http://127.0.0.1:8080 node bench.mjs      (or .ci/federation/run bench, which starts the jar)
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { query, signIn, startSupergraph } from './supergraph.mjs';

const erpGraph = process.env.ERPGRAPH_URL;
if (!erpGraph) throw new Error('ERPGRAPH_URL is not set');
const rounds = Number(process.env.FEDERATION_BENCH_ROUNDS ?? 200);
const warmUp = Number(process.env.FEDERATION_BENCH_WARM_UP ?? 50);
const page = await readFile(new URL('../../graph/src/test/resources/graphql-test/account360AcrossErps.graphql', import.meta.url), 'utf8');
const variables = { first: 17 };

const manager = await signIn(erpGraph, 'demo-manager');
const supergraph = await startSupergraph(erpGraph, manager, []);
try {
  const direct = `${erpGraph}/graphql`;
  const timed = async (url) => {
    const start = performance.now();
    const answer = await query(url, manager, page, variables);
    const took = performance.now() - start;
    if (answer.errors) throw new Error(`${url}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    return { took, accounts: Object.values(answer.data).reduce((sum, connection) => sum + connection.nodes.length, 0) };
  };
  const check = [await timed(direct), await timed(supergraph.gatewayUrl)];
  if (check[0].accounts !== check[1].accounts) throw new Error(`direct ${check[0].accounts} accounts, gateway ${check[1].accounts}`);
  for (let i = 0; i < warmUp; i++) {
    await timed(direct);
    await timed(supergraph.gatewayUrl);
  }
  const times = { direct: [], gateway: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so that neither always runs right after the other.
    const order = i % 2 === 0 ? ['direct', 'gateway'] : ['gateway', 'direct'];
    for (const which of order) {
      times[which].push((await timed(which === 'direct' ? direct : supergraph.gatewayUrl)).took);
    }
  }
  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  };
  const row = (name, values) => `| ${name} | ${quantile(values, 0.5).toFixed(1)} ms | ${quantile(values, 0.95).toFixed(1)} ms |`;
  const overhead = times.gateway.map((took, i) => took - times.direct[i]);
  console.log(`Account-360 page, ${check[0].accounts} accounts, warm (ERP values cached), ${rounds} rounds after ${warmUp} warm-up rounds:`);
  console.log('| path | median | p95 |');
  console.log('| --- | --- | --- |');
  console.log(row('ERP Graph directly', times.direct));
  console.log(row('through the Apollo gateway', times.gateway));
  console.log(row('gateway overhead (per round)', overhead));
} finally {
  await supergraph.stop();
}
