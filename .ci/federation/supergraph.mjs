// A supergraph of ERP Graph (a running server, ERPGRAPH_URL) and "visits", a small subgraph written for the test:
// field visits to customer accounts, which extends Account with fields of its own and references Order by its key.
// Composed offline with @apollo/composition's composeServices (no Rover, no download) and served by @apollo/gateway
// under @apollo/server; the gateway forwards each client's Authorization header to both subgraphs.
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

export const VISITS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])

  "The system an ERP record lives in; only its id is known here."
  type ErpSystem @shareable { id: ID! }

  "A sales order, known here only by its key: ERP Graph resolves the rest."
  type Order @key(fields: "erpSystem { id } number", resolvable: false) {
    erpSystem: ErpSystem!
    number: String!
  }

  "ERP Graph's account, extended with what the visits subgraph knows of it."
  type Account @key(fields: "id") {
    id: ID!
    "How many field visits the account had."
    visitCount: Int!
    "The order discussed at the last visit, if one was."
    lastVisitOrder: Order
  }

  "A sales rep's visit to a customer."
  type Visit {
    id: ID!
    account: Account!
    order: Order
  }

  type Query {
    "Every visit, in the order they were logged."
    visits: [Visit!]!
  }
`;

/** An HTTP client of ERP Graph, signed in as a demo client (client credentials at its demo issuer). */
export async function signIn(erpGraphUrl, clientId) {
  const answer = await fetch(`${erpGraphUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientId}-secret`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!answer.ok) throw new Error(`no token for ${clientId}: HTTP ${answer.status}`);
  return `Bearer ${(await answer.json()).access_token}`;
}

/** POSTs a GraphQL document; answers the parsed body (fails on a non-200). */
export async function query(url, authorization, document, variables = {}) {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`HTTP ${answer.status} from ${url}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** What one sandbox ERP was asked since it started: {requests, byResource}. */
export async function sandboxStats(erpGraphUrl, erpSystemId) {
  const answer = await fetch(`${erpGraphUrl}/sandbox/${erpSystemId}/_admin/stats`);
  if (!answer.ok) throw new Error(`no stats from sandbox ${erpSystemId}: HTTP ${answer.status}`);
  return answer.json();
}

/**
 * Starts the visits subgraph with `visits` (each {id, accountId, order: {erpSystem: {id}, number} | null}) and a
 * gateway over it and ERP Graph, composed from ERP Graph's own `_service { sdl }`. Answers {gatewayUrl, stop}.
 */
export async function startSupergraph(erpGraphUrl, authorization, visits) {
  const served = await query(`${erpGraphUrl}/graphql`, authorization, '{ _service { sdl } }');
  if (served.errors) throw new Error(`_service: ${JSON.stringify(served.errors)}`);

  const byAccount = new Map();
  for (const visit of visits) {
    byAccount.set(visit.accountId, [...(byAccount.get(visit.accountId) ?? []), visit]);
  }
  const visitsSchema = buildSubgraphSchema({
    typeDefs: parse(VISITS_SDL),
    resolvers: {
      Query: { visits: () => visits.map((visit) => ({ id: visit.id, account: { id: visit.accountId }, order: visit.order })) },
      Account: {
        __resolveReference: ({ id }) => ({ id }),
        visitCount: ({ id }) => (byAccount.get(id) ?? []).length,
        lastVisitOrder: ({ id }) => (byAccount.get(id) ?? []).at(-1)?.order ?? null,
      },
    },
  });
  const visitsServer = new ApolloServer({ schema: visitsSchema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url: visitsUrl } = await startStandaloneServer(visitsServer, { listen: { port: 0, host: '127.0.0.1' } });

  const composed = composeServices([
    { name: 'erp-graph', typeDefs: parse(served.data._service.sdl), url: `${erpGraphUrl}/graphql` },
    { name: 'visits', typeDefs: parse(VISITS_SDL), url: visitsUrl },
  ]);
  if (composed.errors?.length) {
    await visitsServer.stop();
    throw new Error(`composition failed:\n${composed.errors.map((error) => error.message).join('\n')}`);
  }
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http.headers.set('authorization', context.authorization);
      },
    }),
  });
  const gatewayServer = new ApolloServer({ gateway });
  const { url: gatewayUrl } = await startStandaloneServer(gatewayServer, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return {
    gatewayUrl,
    async stop() {
      await gatewayServer.stop();
      await visitsServer.stop();
    },
  };
}
