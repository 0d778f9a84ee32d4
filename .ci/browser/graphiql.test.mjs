// Opens /graphiql of a running ERP Graph in headless Chromium, as a person would, with every request to
// another origin refused: the page must render, run a query and show its data without any CDN. The app is
// secured: the page starts signed in as demo-manager (the embedded default's demo issuer), so the query runs
// without anyone typing a header; then the test switches to demo-partner-1, a partner portal, which may run only
// registered (trusted) documents: the same query, typed by hand, is refused with PERSISTED_QUERY_NOT_FOUND. Between
// the two, a subscription runs over the page's WebSocket and shows a sandbox's stock change.
//
//   ERPGRAPH_URL           the running app (default http://localhost:8080)
//   ERPGRAPH_BROWSER_QUERY the query to paste and run (default: a page of demo accounts with live credit from their ERP)
//   CHROMIUM               the browser (default /usr/bin/chromium; playwright-core downloads none)
//   ERPGRAPH_SCREENSHOT    where to save a screenshot of the result (default /tmp/erpgraph-graphiql.png)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = new URL(process.env.ERPGRAPH_URL || 'http://localhost:8080');
const origin = baseUrl.origin;
// Once the CRM API has landed, `{ accounts(first: 3) { totalCount nodes { id name } } }` is the better default.
const query = process.env.ERPGRAPH_BROWSER_QUERY
  || '{ accounts(first: 3, filter: { erpSystemId: "sap" }) { totalCount nodes { id name creditStatus { onHold } } } }';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshot = process.env.ERPGRAPH_SCREENSHOT || join(tmpdir(), 'erpgraph-graphiql.png');
const STEP_TIMEOUT = 60_000; // generous: CI machines are shared

let profileDir;
let context;
let page;
const foreignRequests = [];
let reportForeignRequest;
// Settles on the first request off the app's origin, so that a page waiting on a CDN fails at once.
const foreignRequestAttempted = new Promise((resolve, reject) => {
  reportForeignRequest = (url) => reject(new Error(`the page tried to load ${url}, which is not on ${origin}`));
});
foreignRequestAttempted.catch(() => {});
const pageErrors = [];

before(async () => {
  profileDir = mkdtempSync(join(tmpdir(), 'erpgraph-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  // The offline guarantee: anything not on the app's own origin is refused, and remembered.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    reportForeignRequest(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    if (new URL(ws.url()).origin.replace(/^ws/, 'http') === origin) return ws.connectToServer();
    foreignRequests.push(ws.url());
    reportForeignRequest(ws.url());
    return ws.close();
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

after(async () => {
  // Taken pass or fail: it shows what a person would have seen.
  if (page) {
    await page.screenshot({ path: screenshot }).then(() => console.log(`screenshot: ${screenshot}`),
      (error) => console.log(`no screenshot: ${error.message}`));
  }
  await context?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

test('GraphiQL renders from the app alone and runs a query, signed in as demo-manager', async () => {
  await withinTheAppsOrigin(openGraphiQlAndRunQuery());
});

test('a subscription runs over the page\'s WebSocket as demo-manager and shows a sandbox change', async () => {
  await withinTheAppsOrigin(subscribeAndSeeAChange());
});

test('switched to demo-partner-1, the same hand-typed query is refused as an unregistered document', async () => {
  await withinTheAppsOrigin(switchToPartnerAndRunQueryAgain());
});

async function withinTheAppsOrigin(run) {
  run.catch(() => {}); // if a foreign request wins the race, the run is cut short when the browser closes
  await Promise.race([run, foreignRequestAttempted]);
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  assert.deepEqual(foreignRequests, [], 'no request left the app\'s origin');
}

async function openGraphiQlAndRunQuery() {
  const started = Date.now();
  const response = await page.goto(new URL('graphiql', baseUrl.href.endsWith('/') ? baseUrl : baseUrl.href + '/').href);
  assert.equal(response.status(), 200, 'GET /graphiql');
  // Spring's GraphiQlHandler redirects to ?path=<graphql endpoint>; the page reads it.
  assert.ok(new URL(page.url()).searchParams.get('path'), `redirected with ?path=: ${page.url()}`);

  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ state: 'visible' });
  console.log(`editor visible after ${Date.now() - started} ms`);

  // The example tabs ship with the page; the first is the product's introduction.
  const tabTitles = await page.locator('.graphiql-tab').allInnerTexts();
  assert.ok(tabTitles.length >= 2, `example tabs present: ${JSON.stringify(tabTitles)}`);
  const firstTab = await editor.evaluate((el) => el.CodeMirror.getValue());
  assert.match(firstTab, /ERP Graph/, 'first tab starts with the product introduction');

  // Signed in without anyone typing a header: the demo's first identity.
  const identity = page.getByLabel('Signed in as:');
  await identity.waitFor({ state: 'visible' });
  assert.equal(await identity.inputValue(), 'demo-manager', 'starts signed in as demo-manager');

  const { result, authorization } = await runQuery(editor);
  assert.equal(result.errors, undefined, `no GraphQL errors: ${JSON.stringify(result.errors)}`);
  assert.ok(result.data && typeof result.data === 'object', 'data is an object');
  assert.equal(claimsOf(authorization).sub, 'demo-manager', 'the query carried demo-manager\'s token');
  const visibleText = await page.locator('.graphiql-response').innerText();
  assert.match(visibleText, /"data"/, 'the result pane shows "data"');
  console.log(`result shown ${Date.now() - started} ms after opening the page`);
  console.log(`result: ${JSON.stringify(result).slice(0, 300)}`);
}

async function switchToPartnerAndRunQueryAgain() {
  const tokenAnswer = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/graphiql/demo-token'));
  await page.getByLabel('Signed in as:').selectOption('demo-partner-1');
  assert.equal((await tokenAnswer).status(), 200, 'the page fetched demo-partner-1\'s token');

  const { result, authorization } = await runQuery(page.locator('.graphiql-query-editor .CodeMirror'));
  const claims = claimsOf(authorization);
  assert.equal(claims.sub, 'demo-partner-1', 'the query carried demo-partner-1\'s token');
  assert.equal(claims.partner_id, 'partner-1');
  assert.deepEqual((result.errors ?? []).map((error) => error.extensions?.code), ['PERSISTED_QUERY_NOT_FOUND'],
    `refused before anything ran: ${JSON.stringify(result).slice(0, 300)}`);
  assert.equal(result.data ?? null, null, 'nothing ran');
  const visibleText = await page.locator('.graphiql-response').innerText();
  assert.match(visibleText, /"PERSISTED_QUERY_NOT_FOUND"/, 'the result pane shows the refusal');
  console.log(`as demo-partner-1: ${JSON.stringify(result).slice(0, 300)}`);
}

/** Pastes the query as a person would, runs it, and answers the result shown and the request's credential. */
async function runQuery(editor) {
  // Replace the query as a person pasting one would, then press the run button.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  assert.equal(await editor.evaluate((el) => el.CodeMirror.getValue()), query);
  // GraphiQL reads the operation name from the editor a moment after an edit (a person never clicks
  // faster); the tab title shows when it has, and a stale name would run the example's operation instead.
  const operationName = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(query)?.[1] ?? '<untitled>';
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: operationName }).waitFor();

  const graphqlResponse = page.waitForResponse((r) => r.request().method() === 'POST'
    && new URL(r.url()).origin === origin
    && (r.request().postData() ?? '').includes(JSON.stringify(query).slice(1, -1)));
  // A second run of the same query must not be satisfied by the first one's result.
  await page.evaluate(() => document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror.setValue(''));
  await page.getByRole('button', { name: /execute query/i }).click();
  const answered = await graphqlResponse;
  assert.equal(answered.status(), 200, 'POST to the GraphQL endpoint');
  const authorization = await answered.request().headerValue('authorization');

  const resultPane = page.locator('.graphiql-response .CodeMirror');
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-response .CodeMirror');
    return cm && cm.CodeMirror.getValue().includes('"data"');
  });
  return { result: JSON.parse(await resultPane.evaluate((el) => el.CodeMirror.getValue())), authorization };
}

/**
 * Runs a subscription in the editor, changes the sandbox's stock from here (not from the page) and waits for the new
 * level in the result pane: the WebSocket carried demo-manager's token in connection_init, or the server would have
 * closed it (4401) and nothing would show.
 */
async function subscribeAndSeeAChange() {
  const subscription = 'subscription Watch { inventoryChanged(skus: ["PVC-10000"], erpSystemId: "netsuite",'
    + ' warehouse: "CLE") { sku warehouse onHand } }';
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(subscription);
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: 'Watch' }).waitFor();
  const admin = await managerToken();
  const open = await openSubscriptions(admin);
  await page.getByRole('button', { name: /execute query/i }).click();
  await until(async () => (await openSubscriptions(admin)) === open + 1, 'the page\'s subscription is open');

  const onHand = 900 + Math.floor(Math.random() * 90);
  const changed = await fetch(new URL('sandbox/netsuite/_admin/changes', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'inventory', sku: 'PVC-10000', warehouse: 'CLE', onHand }),
  });
  assert.equal(changed.status, 202, 'the sandbox took the change');
  await page.waitForFunction((value) => {
    const cm = document.querySelector('.graphiql-response .CodeMirror');
    return cm && new RegExp(`"onHand": "${value}(\\.0+)?"`).test(cm.CodeMirror.getValue());
  }, onHand);
  console.log(`subscription showed onHand ${onHand}`);
  // Stop it (the run button stops a running subscription), so that the next test runs a query.
  await page.getByRole('button', { name: /stop/i }).click();
  await until(async () => (await openSubscriptions(admin)) === open, 'the page\'s subscription ended');
}

async function managerToken() {
  const answer = await fetch(new URL('oauth2/token', baseUrl), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('demo-manager:demo-manager-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  assert.equal(answer.status, 200);
  return (await answer.json()).access_token;
}

/** Open inventoryChanged subscriptions, as the server's gauge counts them (404: none since the start). */
async function openSubscriptions(token) {
  const answer = await fetch(new URL('actuator/metrics/graphql.subscriptions.active?tag=subscription:inventoryChanged',
    baseUrl), { headers: { authorization: `Bearer ${token}` } });
  return answer.status === 404 ? 0 : (await answer.json()).measurements[0].value;
}

async function until(condition, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The claims of the bearer token in an Authorization header (read, not verified: the server did that). */
function claimsOf(authorization) {
  assert.match(authorization ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, 'the request carried a bearer token');
  return JSON.parse(Buffer.from(authorization.split(' ')[1].split('.')[1], 'base64url').toString());
}
