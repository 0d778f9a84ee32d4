package dev.erpgraph.sandbox;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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

}
