package dev.erpgraph.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.sandbox.SandboxStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The account-360 benchmark: starts the product on its embedded default, sets every
 * sandbox ERP's latency to 100 ms, and drives an account-360 query (accounts of several
 * ERPs, each with orders, lines, line inventory, credit and a price) over HTTP, batched
 * and then with {@code erp.graphql.batching=false}. Cold runs start from an empty gateway
 * cache; warm runs repeat a query whose values are all cached. It prints median and p95
 * latency, the floor (the measured ERP round trips on the critical path times the
 * latency), their ratio, ERP requests per query, warm throughput, and a cold run with one
 * ERP down. Queries are signed in as {@code demo-manager}, as a client's would be. Run
 * with {@code ./mvnw -Pbenchmark -DskipTests verify}; it asserts nothing.
 * {@code -Dbenchmark.latency=1000} runs it with slower ERPs: the trips stay the same,
 * which shows they are the query's own dependent levels, not requests the gateway sent
 * late. It ends with what shipments and invoices cost each ERP ({@link DocumentsCost});
 * {@code -Dbenchmark.only=documents} runs only that. {@link WarmPathCost} compares the
 * warm page with a CRM-only page of the same shape ({@code -Dbenchmark.only=warm}: only
 * that). Then the read-planning pages of issue 19 ({@link ReadPlanPages};
 * {@code -Dbenchmark.only=readplan} runs only those). {@link StartupCost} starts the
 * packaged jar as its own process and measures startup and the first pages after it
 * ({@code -Dbenchmark.only=startup}: only that).
 */
public final class Account360Benchmark {

    static final long LATENCY_MS = Long.getLong("benchmark.latency", 100);
    static final List<String> SYSTEMS = List.of("sap", "business-central", "netsuite");

    /**
     * 17 per ERP is the 51-account page the request ratio is judged on; 5 per ERP is a
     * screenful.
     */
    static final int ACCOUNTS_PER_SYSTEM = 17;
    static final int SCREEN_PER_SYSTEM = 5;
    static final int COLD_RUNS = 10;

    /**
     * Cold passes over the pages before the batched figures are taken. A gateway serves
     * for days; its first queries after a start run before the JIT has compiled the
     * request path and measure the JIT, so the first pass is reported on its own row and
     * the others are not measured. Twenty passes (about 200 queries) is where the cold
     * median stopped falling on this machine; {@code -Dbenchmark.warmUpPasses} changes
     * it. (The unbatched run needs none: it runs in the same JVM afterwards, and passes
     * of ~770 ERP requests each would only run into BC's rate limit.)
     */
    static final int WARM_UP_PASSES = Integer.getInteger("benchmark.warmUpPasses", 20);
    static final int WARM_RUNS = 10;
    static final int THROUGHPUT_CLIENTS = 4;
    static final int THROUGHPUT_QUERIES = 200;
    static final String DOWN_SYSTEM = "netsuite";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * {@code Bearer <token>} of {@code demo-manager} on the server being measured, as a
     * client signs in: every query carries it, so the figures include checking it. Each
     * run starts its own server, with its own signing key, and takes a new one.
     */
    static volatile String bearer;

    /**
     * What one run measured. {@code trips} are each query's own ERP round trips on the
     * critical path: pages differ (one page's orders need a second URL-length chunk,
     * another's don't), so each query is judged against its own floor and the ratio is
     * the median of those.
     */
    record Figures(String name, List<Long> millis, List<Integer> trips, double requestsPerQuery, int accounts,
            int errors, long erpBusyMillis, List<Long> beforeErp, List<Long> afterErp, String timeline) {
        long median() {
            return percentile(50);
        }

        long p95() {
            return percentile(95);
        }

        long percentile(int p) {
            return percentile(millis, p);
        }

        /**
         * The gateway's own time before the first ERP request and after the last ERP
         * answer, median.
         */
        String gatewayOwn() {
            return beforeErp.isEmpty() ? "-" : percentile(beforeErp, 50) + " + " + percentile(afterErp, 50) + " ms";
        }

        static long percentile(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }

        /** The median query's floor: its round trips times the latency. */
        long floor() {
            return median(trips.stream().map(trip -> (double) trip * LATENCY_MS).toList()).longValue();
        }

        double roundTrips() {
            return trips.stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        /**
         * The median over queries of latency / own floor; 0 when no query went to an ERP.
         */
        double ratio() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < millis.size(); i++) {
                if (trips.get(i) > 0) {
                    ratios.add((double) millis.get(i) / (trips.get(i) * LATENCY_MS));
                }
            }
            return ratios.isEmpty() ? 0 : median(ratios);
        }

        static Double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Figures> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if ("documents".equals(System.getProperty("benchmark.only"))) {
            DocumentsCost.measure().forEach(System.out::println);
            exit();
            return;
        }
        if ("warm".equals(System.getProperty("benchmark.only"))) {
            WarmPathCost.measure().forEach(System.out::println);
            exit();
            return;
        }
        if ("readplan".equals(System.getProperty("benchmark.only"))) {
            ReadPlanPages.measure().forEach(System.out::println);
            exit();
            return;
        }
        if ("startup".equals(System.getProperty("benchmark.only"))) {
            StartupCost.measure().forEach(System.out::println);
            exit();
            return;
        }
        figures.addAll(run(true, notes));
        figures.addAll(run(false, notes));
        notes.addAll(SecurityCost.measure());
        notes.addAll(WarmPathCost.measure());
        notes.addAll(DocumentsCost.measure());
        notes.addAll(ReadPlanPages.measure());
        print(figures, notes);
        exit();
    }

    /**
     * Ends the run once its figures are out. The MCP SDK's streamable transport sweeps
     * idle sessions on a scheduler thread of its own that is not a daemon and that
     * closing the application does not stop; exec:java would wait on it for ever.
     */
    static void exit() {
        System.out.flush();
        System.exit(0);
    }

    static List<Figures> run(boolean batching, List<String> notes) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ErpGraphApplication.class)
            // The same generous limits in both runs: unbatched, the gateway's bulkheads
            // and rate limits and
            // NetSuite's account concurrency pool would refuse most calls, and the run
            // would measure
            // throttling instead of requests. Batched, the query never comes near any of
            // them.
            .properties(Map.of("server.port", "0", "erp.graphql.batching", String.valueOf(batching), "erp.timeout",
                    "10s", "erp.resilience.max-concurrent-calls", "256", "erp.resilience.limit-for-period", "0",
                    "sandbox.netsuite.concurrency-limit", "1000", "graph.security.rate-limit.requests-per-minute",
                    "100000000", "logging.level.root", "WARN", "spring.main.banner-mode", "off"))
            .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            bearer = "Bearer " + DemoTokens.fetch(port, DemoTokens.MANAGER);
            SandboxRegistry sandboxes = app.getBean(SandboxRegistry.class);
            ErpGateway gateway = app.getBean(ErpGateway.class);
            sandboxes.all().forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(LATENCY_MS, 0)));
            List<List<String>> pages = cursors(port);
            String mode = batching ? "batched" : "unbatched";
            // Tokens and connection pools; not measured.
            execute(port, query(pages.get(pages.size() - 1)), true);
            List<List<String>> coldPages = pages.subList(0, COLD_RUNS);
            Runnable emptyCache = () -> evictAll(gateway);
            List<Figures> result = new ArrayList<>();
            if (batching) {
                result.add(measure(mode + ", cold, just started", port, sandboxes, coldPages, emptyCache));
                for (int pass = 1; pass < WARM_UP_PASSES; pass++) {
                    measure("warm-up", port, sandboxes, coldPages, emptyCache);
                }
            }
            result.add(measure(mode + ", cold", port, sandboxes, coldPages, emptyCache));
            if (batching) {
                result.add(measure(mode + ", cold, 15 accounts", port, sandboxes, coldPages, emptyCache,
                        SCREEN_PER_SYSTEM));
            }
            execute(port, query(pages.get(0)), true);
            result.add(measure(mode + ", warm", port, sandboxes, Collections.nCopies(WARM_RUNS, pages.get(0)), () -> {
            }));
            if (batching) {
                notes.add(throughput(port, pages.get(0)));
                Sandbox down = sandboxes.find(DOWN_SYSTEM).orElseThrow();
                down.faults(new SandboxFaults(LATENCY_MS, 0, true, 0.0, false, 0, 1, 3600));
                result.add(measure(mode + ", cold, " + DOWN_SYSTEM + " down", port, sandboxes, coldPages, emptyCache));
                down.faults(SandboxFaults.defaults(LATENCY_MS, 0));
                notes.add(SxeCallsPerPage.measure(port, sandboxes, gateway));
            }
            return result;
        }
    }

    /**
     * One query per page of accounts, each after {@code before} (a cold run empties the
     * gateway cache).
     */
    static Figures measure(String name, int port, SandboxRegistry sandboxes, List<List<String>> pages, Runnable before)
            throws Exception {
        return measure(name, port, sandboxes, pages, before, ACCOUNTS_PER_SYSTEM);
    }

    static Figures measure(String name, int port, SandboxRegistry sandboxes, List<List<String>> pages, Runnable before,
            int perSystem) throws Exception {
        List<Long> millis = new ArrayList<>();
        List<Integer> trips = new ArrayList<>();
        long requests = 0;
        long busy = 0;
        List<Long> beforeErp = new ArrayList<>();
        List<Long> afterErp = new ArrayList<>();
        int accounts = 0;
        int errors = 0;
        String timeline = "";
        for (List<String> page : pages) {
            before.run();
            sandboxes.all().forEach(sandbox -> sandbox.stats().reset());
            Query document = query(page, perSystem);
            long start = System.nanoTime();
            String body = send(port, document);
            long end = System.nanoTime();
            millis.add((end - start) / 1_000_000);
            JsonNode answer = JSON.readTree(body);
            accounts = countAccounts(answer);
            errors += answer.path("errors").size();
            List<SandboxStats.Interval> intervals = new ArrayList<>();
            for (Sandbox sandbox : sandboxes.all()) {
                requests += sandbox.stats().snapshot().requests();
                intervals.addAll(sandbox.stats().intervals());
            }
            trips.add(CriticalPath.roundTrips(intervals));
            if (!intervals.isEmpty()) {
                beforeErp
                    .add((intervals.stream().mapToLong(SandboxStats.Interval::startNanos).min().orElseThrow() - start)
                            / 1_000_000);
                afterErp.add((end - intervals.stream().mapToLong(SandboxStats.Interval::endNanos).max().orElseThrow())
                        / 1_000_000);
            }
            busy += CriticalPath.busyMillis(intervals);
            timeline = timeline(start, end, CriticalPath.lastChain(intervals));
        }
        return new Figures(name, millis, trips, (double) requests / pages.size(), accounts, errors / pages.size(),
                busy / pages.size(), beforeErp, afterErp, timeline);
    }

    /**
     * The ERP requests the query waited on, in milliseconds from the moment it was sent.
     */
    static String timeline(long start, long end, List<SandboxStats.Interval> chain) {
        StringBuilder line = new StringBuilder();
        for (SandboxStats.Interval interval : chain) {
            line.append(String.format(Locale.ROOT, "  %4d-%4d ms  %s%n", (interval.startNanos() - start) / 1_000_000,
                    (interval.endNanos() - start) / 1_000_000, interval.request()));
        }
        return line.append(String.format(Locale.ROOT, "  %9d ms  answer received%n", (end - start) / 1_000_000))
            .toString();
    }

    /** Warm throughput: every value cached, several clients at once. */
    static String throughput(int port, List<String> page) throws Exception {
        Query document = query(page);
        execute(port, document);
        Throughput measured = throughput(port, document);
        return String.format(Locale.ROOT,
                "warm throughput (every value cached, %d clients, %d queries): %.1f queries/s, median %d ms, p95 %d ms",
                THROUGHPUT_CLIENTS, THROUGHPUT_QUERIES, measured.perSecond(), measured.median(), measured.p95());
    }

    /**
     * Queries a second, and the latency of each, of {@link #THROUGHPUT_QUERIES} sent by
     * several clients.
     */
    record Throughput(double perSecond, long median, long p95) {
    }

    static Throughput throughput(int port, Query document) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(THROUGHPUT_CLIENTS);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int i = 0; i < THROUGHPUT_QUERIES; i++) {
                work.add(() -> {
                    long start = System.nanoTime();
                    execute(port, document);
                    return (System.nanoTime() - start) / 1_000_000;
                });
            }
            long start = System.nanoTime();
            List<Long> millis = new ArrayList<>();
            for (Future<Long> done : clients.invokeAll(work)) {
                millis.add(done.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Throughput(THROUGHPUT_QUERIES / seconds, Figures.percentile(millis, 50),
                    Figures.percentile(millis, 95));
        }
        finally {
            clients.shutdownNow();
        }
    }

    /**
     * A server for a note of its own: on a random port and an in-memory database of its
     * own, the generous limits of the timed runs, {@link #bearer} signed in to it, every
     * sandbox answering in {@link #LATENCY_MS}; {@code extra} are more command-line
     * arguments. (Command-line arguments: default properties lose to application.yaml's
     * port.)
     */
    static ConfigurableApplicationContext start(String database, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--erp.timeout=10s",
                "--graph.security.rate-limit.requests-per-minute=100000000", "--logging.level.root=WARN",
                "--spring.main.banner-mode=off", "--spring.datasource.url=jdbc:h2:mem:" + database
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(extra));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ErpGraphApplication.class)
            .run(args.toArray(String[]::new));
        bearer = "Bearer " + DemoTokens.fetch(port(app), DemoTokens.MANAGER);
        app.getBean(SandboxRegistry.class)
            .all()
            .forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(LATENCY_MS, 0)));
        return app;
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static void evictAll(ErpGateway gateway) {
        gateway.evictAll();
    }

    /**
     * For each run, the {@code after} cursor of every system's page (null: the first
     * page).
     */
    static List<List<String>> cursors(int port) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        List<String> after = new ArrayList<>(Collections.nCopies(SYSTEMS.size(), (String) null));
        for (int run = 0; run <= COLD_RUNS; run++) {
            pages.add(Collections.unmodifiableList(new ArrayList<>(after)));
            for (int i = 0; i < SYSTEMS.size(); i++) {
                String document = "{ accounts(first: " + ACCOUNTS_PER_SYSTEM + ", after: " + literal(after.get(i))
                        + ", filter: { erpSystemId: \"" + SYSTEMS.get(i) + "\" }) { pageInfo { endCursor } } }";
                after.set(i,
                        execute(port, Query.of(document)).path("data")
                            .path("accounts")
                            .path("pageInfo")
                            .path("endCursor")
                            .asString());
            }
        }
        return pages;
    }

    /**
     * A GraphQL request: one document, as a client sends it, and the variables that
     * change between pages.
     */
    record Query(String document, Map<String, Object> variables) {
        static Query of(String document) {
            return new Query(document, Map.of());
        }
    }

    static Query query(List<String> after) {
        return query(after, ACCOUNTS_PER_SYSTEM);
    }

    /**
     * The same document for every page, as a frontend sends it; the page size and cursors
     * are variables.
     */
    static Query query(List<String> after, int perSystem) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", perSystem);
        StringBuilder document = new StringBuilder("query Account360($first: Int!");
        for (int i = 0; i < SYSTEMS.size(); i++) {
            document.append(", $after").append(i).append(": String");
            variables.put("after" + i, after.get(i));
        }
        document.append(") {");
        for (int i = 0; i < SYSTEMS.size(); i++) {
            document.append(" s")
                .append(i)
                .append(": accounts(first: $first, after: $after")
                .append(i)
                .append(", filter: { erpSystemId: \"")
                .append(SYSTEMS.get(i))
                .append("\" }) { nodes { ...account360 } }");
        }
        return new Query(document
            .append(" } fragment account360 on Account { id name"
                    + " creditStatus { onHold available { amount currency } freshness { fromCache stale } }"
                    + " price(sku: \"PVC-10000\", quantity: 25) { unitPrice { amount currency } }"
                    + " orders(first: 5) { number status orderDate total { amount currency }"
                    + " lines { sku quantity inventory { warehouse available } } } }")
            .toString(), variables);
    }

    static JsonNode execute(int port, Query query) throws Exception {
        return execute(port, query, false);
    }

    /**
     * Runs a query; errors are a failed benchmark unless {@code errorsExpected} (the
     * ERP-down run).
     */
    static JsonNode execute(int port, Query query, boolean errorsExpected) throws Exception {
        return answer(send(port, query), errorsExpected);
    }

    /**
     * An answer as {@link #send} returned it, parsed once the clock has stopped; errors
     * are a failed benchmark unless {@code errorsExpected}.
     */
    static JsonNode answer(String body, boolean errorsExpected) {
        JsonNode answer = JSON.readTree(body);
        if (answer.has("errors") && !errorsExpected) {
            throw new IllegalStateException("the benchmark query failed: " + answer.get("errors"));
        }
        return answer;
    }

    /**
     * Posts a query and returns the answer as received: the clock stops at the last byte,
     * before the benchmark's own JSON parsing, which is the client's work and not the
     * product's latency.
     */
    static String send(int port, Query query) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query.document(), "variables", query.variables()));
        return HTTP
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

    static int countAccounts(JsonNode answer) {
        int count = 0;
        for (JsonNode page : answer.path("data")) {
            count += page.path("nodes").size();
        }
        return count;
    }

    static String literal(String cursor) {
        return cursor == null ? "null" : "\"" + cursor + "\"";
    }

    static void print(List<Figures> figures, List<String> notes) {
        System.out.printf(Locale.ROOT,
                "%nAccount-360 benchmark: %d accounts of %s per query (15 where said)," + " ERP latency %d ms%n",
                figures.get(0).accounts(), SYSTEMS, LATENCY_MS);
        System.out.printf(Locale.ROOT, "%-33s %8s %8s %10s %8s %10s %12s %14s %8s %15s%n", "run", "median", "p95",
                "floor", "ratio", "ERP trips", "ERP time", "ERP requests", "errors", "gateway own");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "%-33s %6d ms %6d ms %7d ms %7.2fx %10.1f %9d ms %14.1f %8d %15s%n",
                    f.name(), f.median(), f.p95(), f.floor(), f.ratio(), f.roundTrips(), f.erpBusyMillis(),
                    f.requestsPerQuery(), f.errors(), f.gatewayOwn());
        }
        System.out.println("floor: the median query's ERP round trips on the critical path x latency; ratio: the"
                + " median over queries of latency / own floor; ERP time: the critical path's measured request"
                + " durations; gateway own: median time before the first ERP request + after the last ERP answer;"
                + " 'just started': the first pass after start, before " + (WARM_UP_PASSES - 1)
                + " unmeasured warm-up passes");
        notes.forEach(System.out::println);
        for (Figures f : figures) {
            if (f.name().startsWith("batched, cold") && !f.name().endsWith("just started")) {
                System.out.printf(Locale.ROOT, "what the last '%s' query waited on:%n%s", f.name(), f.timeline());
            }
        }
        Figures batched = figures.stream().filter(f -> f.name().equals("batched, cold")).findFirst().orElseThrow();
        Figures unbatched = figures.stream().filter(f -> f.name().equals("unbatched, cold")).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "ERP requests per query, unbatched / batched (cold): %.1fx%n",
                unbatched.requestsPerQuery() / batched.requestsPerQuery());
        System.out.printf(Locale.ROOT,
                "cold latency / floor (batched, median): %.2fx for 51 accounts, %.2fx for 15"
                        + " (target: within 1.2x)%n",
                batched.ratio(),
                figures.stream()
                    .filter(f -> f.name().endsWith("15 accounts"))
                    .findFirst()
                    .map(Figures::ratio)
                    .orElse(0.0));
    }

}
