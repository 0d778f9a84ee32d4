package dev.erpgraph.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpSystems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Serves account-360 pages ({@code warm-up/account360.graphql}) to this server over HTTP
 * before it reports ready, then empties the gateway cache, so that the first pages
 * clients send after a start run compiled code against cold ERP data. An application
 * runner: readiness (and {@code /actuator/health}) says OUT_OF_SERVICE until it is done.
 * <p>
 * Measured with {@code StartupCost} (docs/benchmark.md, issue 19): the AOT cache loads
 * and links the request path's classes ahead of time, but that code still runs
 * interpreted until the JIT has compiled it, and the first page after a start took 10x to
 * 17x its floor. The pages go through every layer a client's do (Tomcat, security,
 * GraphQL, loaders, connectors, the sandboxes' wire formats, the JSON writer).
 * <p>
 * Only where every ERP system is a sandbox embedded in this process and GraphiQL's demo
 * sign-in gives the token: a real ERP is never asked for a page nobody requested, and
 * with a real issuer there is no token to send. Elsewhere it logs why it did not run.
 */
@Component
class StartupWarmUp implements ApplicationRunner {

    private static final Logger logger = LoggerFactory.getLogger(StartupWarmUp.class);

    private static final String DOCUMENT = "warm-up/account360.graphql";

    /** As the demo's base URLs name this server's port until it listens. */
    private static final String PORT = "${local.server.port}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WarmUpProperties properties;

    private final ErpGateway gateway;

    private final CircuitBreakerRegistry breakers;

    private final Environment environment;

    StartupWarmUp(WarmUpProperties properties, ErpGateway gateway, CircuitBreakerRegistry breakers,
            Environment environment) {
        this.properties = properties;
        this.gateway = gateway;
        this.breakers = breakers;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer port = environment.getProperty("local.server.port", Integer.class);
        if (!properties.enabled() || port == null) {
            return;
        }
        String embedded = DemoErpSystems.EMBEDDED_ROOT.replace(PORT, port.toString()) + "/sandbox/";
        List<String> elsewhere = gateway.systems()
            .all()
            .stream()
            .filter(system -> !system.properties().baseUrl().replace(PORT, port.toString()).startsWith(embedded))
            .map(ErpSystems.ErpSystem::id)
            .toList();
        if (!elsewhere.isEmpty()) {
            logger.info("Start-up warm-up skipped: ERP systems {} are not sandboxes of this process", elsewhere);
            return;
        }
        long started = System.nanoTime();
        // Whichever comes first: the warm-up's own limit, or the point in the start after
        // which a page would hold readiness back past what a start may take. A slow start
        // (a loaded machine) gets a shorter warm-up, or none, never a later readiness.
        long deadline = started + Math.min(properties.timeLimit().toNanos(),
                properties.startBudget().minusMillis(ManagementFactory.getRuntimeMXBean().getUptime()).toNanos());
        if (deadline <= started) {
            logger.info("Start-up warm-up skipped: the start took longer than {}", properties.startBudget());
            return;
        }
        Pages pages = new Pages(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + port), document());
        try {
            String token = pages.token(properties.client());
            if (token == null) {
                logger.info("Start-up warm-up skipped: no demo sign-in for {}", properties.client());
                return;
            }
            int served = pages.serve(token, deadline);
            logger.info("Start-up warm-up: {} account-360 pages in {} ms ({} with ERP fields in error)", served,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), pages.degraded.get());
        }
        catch (RuntimeException ex) {
            // A start is never refused for a warm-up: the pages are only there to be
            // fast.
            logger.warn("Start-up warm-up stopped: {}", ex.toString());
        }
        finally {
            gateway.evictAll();
            // A call that failed here failed on code still cold, not on its ERP: the
            // first clients' calls must not find a breaker opened by the warm-up.
            breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        }
    }

    private static String document() {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The pages, sent as a client sends them. */
    private final class Pages {

        private final HttpClient http;

        private final URI root;

        private final String document;

        private final AtomicInteger started = new AtomicInteger();

        private final AtomicInteger served = new AtomicInteger();

        private final AtomicInteger degraded = new AtomicInteger();

        Pages(HttpClient http, URI root, String document) {
            this.http = http;
            this.root = root;
            this.document = document;
        }

        /** GraphiQL's demo sign-in; null where it is not served (a real issuer). */
        String token(String client) {
            HttpResponse<String> answer = send(
                    HttpRequest.newBuilder(root.resolve("/graphiql/demo-token?client=" + client))
                        .POST(HttpRequest.BodyPublishers.noBody()));
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("access_token").asString() : null;
        }

        /**
         * {@link WarmUpProperties#concurrency()} lanes of pages: lane i reads pages i, i
         * + n, i + 2n, ... of the accounts, from the first again when they run out, until
         * {@link WarmUpProperties#pages()} are served or the time is up.
         * @return the pages served
         */
        int serve(String token, long deadlineNanos) {
            // Threads of its own: each lane blocks on HTTP for its whole life.
            ExecutorService threads = Executors.newFixedThreadPool(properties.concurrency());
            try {
                List<CompletableFuture<Void>> lanes = new ArrayList<>();
                for (int lane = 0; lane < properties.concurrency(); lane++) {
                    int skipped = lane;
                    lanes.add(CompletableFuture.runAsync(() -> lane(token, skipped, deadlineNanos), threads));
                }
                CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
                return served.get();
            }
            finally {
                threads.shutdownNow();
            }
        }

        private void lane(String token, int skipped, long deadlineNanos) {
            String after = skip(token, null, skipped);
            while (started.getAndIncrement() < properties.pages() && System.nanoTime() < deadlineNanos) {
                after = send(token, "WarmUp", after, properties.accountsPerPage());
                served.incrementAndGet();
                after = skip(token, after, properties.concurrency() - 1);
            }
        }

        /** The cursor {@code pages} pages on, read from the CRM alone (no ERP field). */
        private String skip(String token, String after, int pages) {
            return pages == 0 ? after : send(token, "Skip", after, pages * properties.accountsPerPage());
        }

        /**
         * One operation of the document; the cursor after its accounts, null after the
         * last.
         */
        private String send(String token, String operation, String after, int first) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", first);
            variables.put("after", after);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(root.resolve("/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", document, "operationName", operation, "variables", variables)))));
            JsonNode body = JSON.readTree(answer.body());
            JsonNode pageInfo = body.path("data").path("accounts").path("pageInfo");
            if (answer.statusCode() != 200 || !pageInfo.isObject()) {
                throw new IllegalStateException(
                        operation + " answered " + answer.statusCode() + " " + body.path("errors").toString());
            }
            if (body.has("errors")) {
                // An ERP field that timed out on code still cold: the page did its work
                // all the same.
                degraded.incrementAndGet();
            }
            return pageInfo.path("hasNextPage").asBoolean() ? pageInfo.path("endCursor").asString() : null;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
        }

    }

}
