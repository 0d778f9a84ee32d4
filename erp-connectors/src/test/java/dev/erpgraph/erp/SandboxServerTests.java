package dev.erpgraph.erp;

import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.sandbox.Sandbox;
import dev.erpgraph.erp.sandbox.SandboxRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Base of the connector contract tests: the sandbox server on a random port, the demo connectors pointed at
 * it over real HTTP, and a client for the sandboxes' admin API. Faults and stats are reset before each test.
 */
@SpringBootTest(classes = SandboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SandboxServerTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ErpSystems systems;

    @Autowired
    protected SandboxRegistry sandboxes;

    @BeforeEach
    void resetSandboxes() {
        for (Sandbox sandbox : sandboxes.all()) {
            sandbox.faults(dev.erpgraph.erp.sandbox.SandboxFaults.defaults(0, 0));
            sandbox.stats().reset();
        }
    }

    /** The demo connector of a sandbox id ({@code sap}, {@code netsuite}, ...). */
    protected ErpConnector connector(String systemId) {
        return systems.find(systemId).orElseThrow().connector();
    }

    protected Sandbox sandbox(String systemId) {
        return sandboxes.find(systemId).orElseThrow();
    }

    /** A client for raw wire requests and the admin API, rooted at this server. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }
}
