package dev.erpgraph.erp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.config.ErpSystemProperties;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.http.ErpHttpClient;
import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;
import dev.erpgraph.sandbox.SandboxStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Base of the connector contract tests: the sandbox server (module {@code erp-sandbox})
 * on a random port, a connector per sandbox configured against it over real HTTP
 * ({@code erp.systems} in application.yaml beside the tests), and a client for the
 * sandboxes' admin API. Faults and stats are reset before each test.
 */
@SpringBootTest(classes = SandboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SandboxServerTests {

    /**
     * The timeout of a test's own connectors: generous, because the tests share two cores
     * with the whole build and a first token fetch may be slow.
     */
    protected static final Duration CONNECTOR_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected ErpSystems systems;

    @Autowired
    protected SandboxRegistry sandboxes;

    @BeforeEach
    void resetSandboxes() {
        for (Sandbox sandbox : sandboxes.all()) {
            sandbox.faults(SandboxFaults.defaults(0, 0));
            sandbox.stats().reset();
        }
    }

    /**
     * The status a connector must read for an order of the sandboxes' data set: the same
     * life cycle, named alike on both sides.
     */
    protected static OrderStatus status(DistributorDataSet.Order order) {
        return OrderStatus.valueOf(order.status().name());
    }

    /** The configured connector of a sandbox id ({@code sap}, {@code netsuite}, ...). */
    protected ErpConnector connector(String systemId) {
        return systems.find(systemId).orElseThrow().connector();
    }

    protected Sandbox sandbox(String systemId) {
        return sandboxes.find(systemId).orElseThrow();
    }

    /** Where a sandbox answers on this server: the base URL of its demo system. */
    protected String sandboxUrl(String systemId) {
        return "http://127.0.0.1:" + port + "/sandbox/" + systemId;
    }

    /**
     * The system configured for a sandbox (kind, credentials, options), pointed at this
     * server.
     */
    protected ErpSystemProperties demoSystem(String systemId) {
        ErpSystemProperties configured = systems.find(systemId).orElseThrow().properties();
        return new ErpSystemProperties(configured.kind(), configured.name(), sandboxUrl(systemId), configured.auth(),
                configured.timeout(), configured.maxConcurrency(), configured.options(), configured.cache(),
                configured.resilience(), configured.events(), configured.quota());
    }

    /**
     * Settings for a test's own connector (own token cache, own pool) on a sandbox's demo
     * system: its kind, name and options with {@code extraOptions} over them, the given
     * credentials, the {@link #CONNECTOR_TIMEOUT}.
     */
    protected ConnectorSettings connectorSettings(String systemId, ErpAuthProperties auth, int maxConcurrency,
            Map<String, String> extraOptions) {
        ErpSystemProperties demo = demoSystem(systemId);
        Map<String, String> options = new HashMap<>(demo.options());
        options.putAll(extraOptions);
        return new ConnectorSettings(systemId, demo.kind(), demo.name(), auth, CONNECTOR_TIMEOUT, maxConcurrency,
                options);
    }

    /**
     * {@link #connectorSettings(String, ErpAuthProperties, int, Map)} with the demo
     * credentials and 4 in flight.
     */
    protected ConnectorSettings connectorSettings(String systemId, Map<String, String> extraOptions) {
        return connectorSettings(systemId, demoSystem(systemId).auth(), 4, extraOptions);
    }

    /**
     * An HTTP client of a test's own to a sandbox, with the {@link #CONNECTOR_TIMEOUT}
     * and meters of its own.
     */
    protected ErpHttpClient connectorHttp(String systemId) {
        return new ErpHttpClient(systemId, () -> sandboxUrl(systemId), CONNECTOR_TIMEOUT, new SimpleMeterRegistry());
    }

    /**
     * The most requests to paths ending in one of {@code pathEnds} (query strings aside)
     * that a sandbox served at one instant, of those it started serving at or after
     * {@code sinceNanos} ({@link System#nanoTime}): 1 means they were sent one after
     * another. Counting from an instant, not from a stats reset, keeps out a request
     * answered before it whose interval the sandbox records only after the answer's last
     * byte has gone out.
     */
    protected int mostAtOnce(String systemId, long sinceNanos, String... pathEnds) {
        record Edge(long nanos, int change) {
        }
        List<Edge> edges = new ArrayList<>();
        for (SandboxStats.Interval interval : sandbox(systemId).stats().intervals()) {
            if (interval.startNanos() >= sinceNanos
                    && List.of(pathEnds).stream().anyMatch(interval.request()::endsWith)) {
                edges.add(new Edge(interval.startNanos(), 1));
                edges.add(new Edge(interval.endNanos(), -1));
            }
        }
        // At the same instant an end comes first: one request answered as the next starts
        // did not overlap it.
        edges.sort(Comparator.comparingLong(Edge::nanos).thenComparingInt(Edge::change));
        int inFlight = 0;
        int most = 0;
        for (Edge edge : edges) {
            inFlight += edge.change();
            most = Math.max(most, inFlight);
        }
        return most;
    }

    /** A client for raw wire requests and the admin API, rooted at this server. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

}
