package dev.erpgraph.sandbox;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Base of the sandboxes' own tests: the sandbox application on a random port, asked over
 * its own HTTP (no connector), with no added latency; faults and stats are reset before
 * each test.
 */
@SpringBootTest(classes = ErpSandboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0" })
public abstract class SandboxServerTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected SandboxRegistry sandboxes;

    @BeforeEach
    void resetSandboxes() {
        for (Sandbox sandbox : sandboxes.all()) {
            sandbox.faults(SandboxFaults.defaults(0, 0));
            sandbox.stats().reset();
        }
    }

    protected Sandbox sandbox(String systemId) {
        return sandboxes.find(systemId).orElseThrow();
    }

    /** A client for raw wire requests and the admin API, rooted at this server. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    /**
     * The orders {@code GET /sandbox/{id}/_admin/created-orders} lists under one
     * reference.
     */
    protected List<JsonNode> createdOrders(String systemId, String reference) {
        JsonNode orders = SandboxJson.MAPPER
            .readTree(http().get().uri("/sandbox/{id}/_admin/created-orders", systemId).retrieve().body(String.class))
            .path("orders");
        return StreamSupport.stream(orders.spliterator(), false)
            .filter(order -> reference.equals(order.path("reference").asString(null)))
            .toList();
    }

    /**
     * Sets the share of creates that commit and then answer 500, through the admin API.
     */
    protected void commitThenFail(String systemId, double share) {
        http().put()
            .uri("/sandbox/{id}/_admin/faults", systemId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("commitThenFail", share))
            .retrieve()
            .toBodilessEntity();
    }

    /**
     * The data set index of a customer on credit hold, or of one in good standing (from
     * the end of the data set, away from the customers other tests change).
     */
    protected int customerIndex(String systemId, boolean onHold) {
        Sandbox sandbox = sandbox(systemId);
        return IntStream.iterate(sandbox.data().customerCount() - 1, index -> index >= 0, index -> index - 1)
            .filter(index -> sandbox.data().customer(index).orElseThrow().onHold() == onHold)
            .findFirst()
            .orElseThrow();
    }

}
