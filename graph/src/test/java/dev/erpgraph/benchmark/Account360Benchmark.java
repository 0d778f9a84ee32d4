package dev.erpgraph.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.erpgraph.ErpGraphApplication;
import dev.erpgraph.erp.sandbox.Sandbox;
import dev.erpgraph.erp.sandbox.SandboxFaults;
import dev.erpgraph.erp.sandbox.SandboxRegistry;
import dev.erpgraph.erp.sandbox.SandboxStats;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account-360 benchmark: starts the product on its embedded default, sets every sandbox ERP's latency to
 * 100 ms, and drives an account-360 query (accounts of several ERPs, each with orders, lines, line inventory,
 * credit and a price) over HTTP, batched and then with {@code erp.graphql.batching=false}. It prints median and
 * p95 latency, the floor (the measured ERP round trips on the critical path times the latency), their ratio, and
 * ERP requests per query. Run with {@code ./mvnw -Pbenchmark -DskipTests verify}; it asserts nothing.
 */
public final class Account360Benchmark {

    static final long LATENCY_MS = 100;
    static final List<String> SYSTEMS = List.of("sap", "business-central", "netsuite");
    static final int ACCOUNTS_PER_SYSTEM = 17;
    static final int COLD_RUNS = 10;
    static final int WARM_RUNS = 10;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What one run measured. */
    record Figures(String name, List<Long> millis, double requestsPerQuery, double roundTrips, int accounts) {
        long median() {
            return percentile(50);
        }

        long p95() {
            return percentile(95);
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }

        long floor() {
            return Math.round(roundTrips * LATENCY_MS);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Figures> figures = new ArrayList<>();
        figures.addAll(run(true));
        figures.addAll(run(false));
        print(figures);
    }

    static List<Figures> run(boolean batching) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ErpGraphApplication.class)
                .properties(Map.of("server.port", "0", "erp.graphql.batching", String.valueOf(batching),
                        "logging.level.root", "WARN", "spring.main.banner-mode", "off"))
                .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SandboxRegistry sandboxes = app.getBean(SandboxRegistry.class);
            sandboxes.all().forEach(sandbox -> sandbox.faults(SandboxFaults.defaults(LATENCY_MS, 0)));
            List<List<String>> pages = cursors(port);
            String mode = batching ? "batched" : "unbatched";
            // Warm-up: tokens, connection pools, JIT; not measured.
            execute(port, query(pages.get(pages.size() - 1)));
            List<Figures> result = new ArrayList<>();
            result.add(measure(mode + ", cold", port, sandboxes, pages.subList(0, COLD_RUNS)));
            result.add(measure(mode + ", warm", port, sandboxes,
                    Collections.nCopies(WARM_RUNS, pages.get(0))));
            return result;
        }
    }

    /** One query per page of accounts; a cold run uses a page no earlier query asked for. */
    static Figures measure(String name, int port, SandboxRegistry sandboxes, List<List<String>> pages)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        long requests = 0;
        long roundTrips = 0;
        int accounts = 0;
        for (List<String> page : pages) {
            sandboxes.all().forEach(sandbox -> sandbox.stats().reset());
            long start = System.nanoTime();
            JsonNode answer = execute(port, query(page));
            millis.add((System.nanoTime() - start) / 1_000_000);
            accounts = countAccounts(answer);
            List<SandboxStats.Interval> intervals = new ArrayList<>();
            for (Sandbox sandbox : sandboxes.all()) {
                requests += sandbox.stats().snapshot().requests();
                intervals.addAll(sandbox.stats().intervals());
            }
            roundTrips += CriticalPath.roundTrips(intervals);
        }
        return new Figures(name, millis, (double) requests / pages.size(), (double) roundTrips / pages.size(),
                accounts);
    }

    /** For each run, the {@code after} cursor of every system's page (null: the first page). */
    static List<List<String>> cursors(int port) throws Exception {
        List<List<String>> pages = new ArrayList<>();
        List<String> after = new ArrayList<>(Collections.nCopies(SYSTEMS.size(), (String) null));
        for (int run = 0; run <= COLD_RUNS; run++) {
            pages.add(List.copyOf(after));
            for (int i = 0; i < SYSTEMS.size(); i++) {
                String document = "{ accounts(first: " + ACCOUNTS_PER_SYSTEM + ", after: " + literal(after.get(i))
                        + ", filter: { erpSystemId: \"" + SYSTEMS.get(i) + "\" }) { pageInfo { endCursor } } }";
                after.set(i, execute(port, document).path("data").path("accounts").path("pageInfo")
                        .path("endCursor").asString());
            }
        }
        return pages;
    }

    static String query(List<String> after) {
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < SYSTEMS.size(); i++) {
            document.append(" s").append(i).append(": accounts(first: ").append(ACCOUNTS_PER_SYSTEM)
                    .append(", after: ").append(literal(after.get(i))).append(", filter: { erpSystemId: \"")
                    .append(SYSTEMS.get(i)).append("\" }) { nodes { ...account360 } }");
        }
        return document.append(" } fragment account360 on Account { id name"
                + " creditStatus { onHold available { amount currency } freshness { fromCache stale } }"
                + " price(sku: \"PVC-10000\", quantity: 25) { unitPrice { amount currency } }"
                + " orders(first: 5) { number status orderDate total { amount currency }"
                + " lines { sku quantity inventory { warehouse available } } } }").toString();
    }

    static JsonNode execute(int port, String document) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", document));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (answer.has("errors")) {
            throw new IllegalStateException("the benchmark query failed: " + answer.get("errors"));
        }
        return answer;
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

    static void print(List<Figures> figures) {
        System.out.printf(Locale.ROOT, "%nAccount-360 benchmark: %d accounts of %s per query, ERP latency %d ms%n",
                figures.get(0).accounts(), SYSTEMS, LATENCY_MS);
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %10s %8s %10s %14s%n", "run", "median", "p95", "floor",
                "ratio", "ERP trips", "ERP requests");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "%-20s %6d ms %6d ms %7d ms %7.2fx %10.1f %14.1f%n", f.name(),
                    f.median(), f.p95(), f.floor(), f.floor() == 0 ? 0.0 : (double) f.median() / f.floor(),
                    f.roundTrips(), f.requestsPerQuery());
        }
        Figures batched = figures.get(0);
        Figures unbatched = figures.stream().filter(f -> f.name().equals("unbatched, cold")).findFirst()
                .orElseThrow();
        System.out.printf(Locale.ROOT, "ERP requests per query, unbatched / batched (cold): %.1fx%n",
                unbatched.requestsPerQuery() / batched.requestsPerQuery());
        System.out.printf(Locale.ROOT, "cold median / floor (batched): %.2fx (target: within 1.2x)%n",
                (double) batched.median() / batched.floor());
    }
}
