"""The order outbox's crash test over real processes; see .ci/order-crash/run."""
import base64
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

SANDBOX_JAR, GRAPH_JAR = sys.argv[1], sys.argv[2]
PG = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qtA"]
DATABASE = "erpgraph_crash_" + uuid.uuid4().hex[:10]
SYSTEMS = ["sap", "netsuite", "business-central", "p21", "sxe"]
LOGS = tempfile.mkdtemp(prefix="erpgraph-order-crash.")
SETTLE_SECONDS = 240
processes = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(sql, database="test"):
    return subprocess.run(PG + ["-d", database, "-c", sql], check=True, capture_output=True, text=True).stdout.strip()


def http(method, url, body=None, headers=None, timeout=60):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        text = answer.read()
        return json.loads(text) if text else None


def wait_up(url, name, log, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    print(f"{name} did not come up; its log ({log}):", file=sys.stderr)
    print(open(log).read()[-4000:], file=sys.stderr)
    raise SystemExit(1)


class App:
    """One application process on the test's database; restartable on the same port."""

    def __init__(self, name, sandbox_port):
        self.name, self.port, self.sandbox_port, self.process, self.starts = name, free_port(), sandbox_port, None, 0

    def start(self):
        self.starts += 1
        log = f"{LOGS}/{self.name}-{self.starts}.log"
        self.log = log
        self.process = subprocess.Popen(
            ["java", "-jar", GRAPH_JAR, f"--server.port={self.port}", "--spring.profiles.active=sandbox-process",
             f"--erp.sandbox.url=http://127.0.0.1:{self.sandbox_port}",
             f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{DATABASE}",
             "--spring.datasource.username=postgres", "--spring.datasource.password=",
             "--crm.demo.enabled=true", "--erp.timeout=4s",
             # Quick turns, so that a kill lands in the middle of the work: a lease that outlives two ERP
             # timeouts (8 s), short backoffs, attempts enough for the sandboxes' random failures.
             "--graph.order-submission.lease=10s", "--graph.order-submission.poll-interval=200ms",
             "--graph.order-submission.initial-backoff=200ms", "--graph.order-submission.max-backoff=1s",
             "--graph.order-submission.max-attempts=40", "--graph.order-submission.concurrency=2",
             "--graph.security.rate-limit.requests-per-minute=100000"],
            stdout=open(log, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        processes.append(self.process)
        wait_up(f"http://127.0.0.1:{self.port}/actuator/health", self.name, log)
        self.token = token(self.port)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def graphql(self, query, variables=None):
        answer = http("POST", f"http://127.0.0.1:{self.port}/graphql", {"query": query, "variables": variables or {}},
                      {"Authorization": f"Bearer {self.token}"})
        if answer.get("errors"):
            raise AssertionError(f"{self.name}: {len(answer['errors'])} errors, the first: {answer['errors'][:2]}")
        return answer["data"]


def token(port):
    basic = base64.b64encode(b"demo-manager:demo-manager-secret").decode()
    answer = http("POST", f"http://127.0.0.1:{port}/oauth2/token",
                  urllib.parse.urlencode({"grant_type": "client_credentials"}).encode(),
                  {"Authorization": f"Basic {basic}", "Content-Type": "application/x-www-form-urlencoded"})
    return answer["access_token"]


def customers(app):
    """Per ERP: four accounts whose customer may order and one on credit hold (read before any fault)."""
    chosen = {}
    for system in SYSTEMS:
        data = app.graphql("""query($s: ID!) { accounts(first: 25, filter: {erpSystemId: $s}) { nodes { id
                              erpLinks { erpSystem { id } } creditStatus { onHold } } } }""", {"s": system})
        ok, held = [], []
        for account in data["accounts"]["nodes"]:
            # An account linked to one ERP only: its credit status is that ERP's.
            if len(account["erpLinks"]) == 1 and account["creditStatus"] is not None:
                (held if account["creditStatus"]["onHold"] else ok).append(account["id"])
        if len(ok) < 4 or not held:
            raise AssertionError(f"{system}: the demo data has too few customers ({len(ok)} ok, {len(held)} held)")
        chosen[system] = [(account, False) for account in ok[:4]] + [(held[0], True)]
    return chosen


def opportunities(app, chosen, phase):
    made = []
    for system, accounts in chosen.items():
        for account, held in accounts:
            data = app.graphql("""mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
                                  opportunity { id version } } }""",
                               {"input": {"accountId": account, "name": f"Crash {phase} {system}",
                                          "stage": "NEGOTIATION",
                                          "lines": [{"sku": "PVC-10000", "quantity": "4"},
                                                    {"sku": "CPR-10007", "quantity": "2"}]}})
            made.append({"id": data["createOpportunity"]["opportunity"]["id"], "system": system, "held": held})
    return made


SUBMIT = """mutation($input: SubmitOpportunityOrderInput!) { submitOpportunityOrder(input: $input) {
            opportunity { orderSubmission { state reference } } } }"""


def submit(app, opportunity):
    data = app.graphql(SUBMIT, {"input": {"opportunityId": opportunity["id"], "expectedVersion": 0}})
    opportunity["reference"] = data["submitOpportunityOrder"]["opportunity"]["orderSubmission"]["reference"]


def pending():
    return int(psql("select count(*) from order_submissions where state = 'PENDING'", DATABASE))


def faults(sandbox_port, body):
    for system in SYSTEMS:
        http("PUT", f"http://127.0.0.1:{sandbox_port}/sandbox/{system}/_admin/faults", body)


def settle(app, made):
    deadline = time.time() + SETTLE_SECONDS
    while pending() and time.time() < deadline:
        time.sleep(0.5)
    if pending():
        raise AssertionError(f"{pending()} submissions still PENDING after {SETTLE_SECONDS} s")
    failures = []
    for opportunity in made:
        data = app.graphql("""query($id: ID!) { opportunity(id: $id) { erpOrderNumber
                              orderSubmission { state reference attempts erpOrderNumber lastError } } }""",
                           {"id": opportunity["id"]})["opportunity"]
        submission = data["orderSubmission"]
        orders = [o for o in http("GET", f"http://127.0.0.1:{SANDBOX_PORT}/sandbox/{opportunity['system']}"
                                          "/_admin/created-orders")["orders"]
                  if o["reference"] == opportunity["reference"]]
        expected = "REJECTED" if opportunity["held"] else "SUBMITTED"
        if submission["state"] != expected:
            failures.append(f"{opportunity['system']} {opportunity['id']}: {submission['state']}, expected {expected}"
                            f" ({submission['lastError']})")
        elif expected == "SUBMITTED" and [o["orderNumber"] for o in orders] != [data["erpOrderNumber"]]:
            failures.append(f"{opportunity['system']} {opportunity['id']}: orders {orders} for number"
                            f" {data['erpOrderNumber']}")
        elif expected == "REJECTED" and orders:
            failures.append(f"{opportunity['system']} {opportunity['id']}: rejected but made {orders}")
        opportunity["attempts"] = submission["attempts"]
    if failures:
        raise AssertionError("\n".join(failures))
    retried = sum(1 for o in made if o["attempts"] > 1)
    print(f"   {len(made)} settled: {sum(not o['held'] for o in made)} SUBMITTED with exactly one order each,"
          f" {sum(o['held'] for o in made)} REJECTED with none; {retried} needed more than one attempt")


def main():
    global SANDBOX_PORT
    SANDBOX_PORT = free_port()
    psql(f"create database {DATABASE}")
    print(f"== database {DATABASE}, logs in {LOGS}")
    sandbox_log = f"{LOGS}/sandbox.log"
    sandbox = subprocess.Popen(["java", "-jar", SANDBOX_JAR, f"--server.port={SANDBOX_PORT}"],
                               stdout=open(sandbox_log, "w"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    processes.append(sandbox)
    wait_up(f"http://127.0.0.1:{SANDBOX_PORT}/sandbox/sap/_admin/stats", "the sandbox process", sandbox_log)
    a = App("app-a", SANDBOX_PORT)
    a.start()
    chosen = customers(a)
    noisy = {"latencyMs": 150, "latencyJitterMs": 100, "errorRate": 0.2, "commitThenFail": 0.3}

    print("== phase 1: 25 submissions, the application killed with kill -9 twice mid-way")
    made = opportunities(a, chosen, 1)
    faults(SANDBOX_PORT, noisy)
    for opportunity in made:
        submit(a, opportunity)
    for kill in (1, 2):
        time.sleep(1.5)
        left = pending()
        if not left:
            raise AssertionError(f"nothing left PENDING at kill {kill}: the kill would prove nothing")
        a.kill()
        print(f"   kill -9 {kill} with {left} of 25 PENDING; restarting")
        a.start()
    settle(a, made)

    print("== phase 2: two application processes on one database submit the same 25")
    b = App("app-b", SANDBOX_PORT)
    b.start()
    faults(SANDBOX_PORT, {"latencyMs": 0, "latencyJitterMs": 0, "errorRate": 0.0, "commitThenFail": 0.0})
    made = opportunities(a, chosen, 2)
    faults(SANDBOX_PORT, noisy)
    pairs = [(a, b) if i % 2 else (b, a) for i in range(len(made))]
    for opportunity, (first, second) in zip(made, pairs):
        submit(first, opportunity)
        reference = opportunity["reference"]
        submit(second, opportunity)
        if opportunity["reference"] != reference:
            raise AssertionError(f"the second submit of {opportunity['id']} answered another submission")
    settle(a, made)
    for app in (a, b):
        log = open(app.log).read()
        sent = sum(1 for o in made if f"{o['reference']}: submitted to" in log)
        print(f"   {app.name} sent {sent} of them")
    print("== exactly once across crashes and replicas: passed")


try:
    main()
finally:
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()
    try:
        psql(f"drop database if exists {DATABASE}")
    except subprocess.CalledProcessError as ex:
        print(f"could not drop {DATABASE}: {ex.stderr}", file=sys.stderr)
