package dev.erpgraph.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.erpgraph.DemoTokens;
import dev.erpgraph.erpfields.AuditPrincipal;
import dev.erpgraph.erpfields.ContextSightings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server over real HTTP, on the demo data. Every HTTP test class extends this
 * and adds no configuration of its own, so that all of them share one application
 * context; hence the context-propagation probes live here too (they only record, and only
 * a request with an audit-principal header sets anything).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sandbox.latency-ms=0", "sandbox.latency-jitter-ms=0", "erp.timeout=10s",
                // No test is held back by the rate limit, but the ones on it, each with
                // its own
                // principal.
                "graph.security.rate-limit.requests-per-minute=1000000",
                "graph.security.rate-limit.overrides.rate-limit-probe=2",
                "graph.security.rate-limit.overrides.mcp-rate-limit-probe=2",
                "graph.security.rate-limit.overrides.ws-rate-limit-probe=2",
                // Order submissions settle in a test's time: three quick attempts.
                "graph.order-submission.poll-interval=100ms", "graph.order-submission.initial-backoff=50ms",
                "graph.order-submission.max-backoff=200ms", "graph.order-submission.max-attempts=3" })
@AutoConfigureHttpGraphQlTester
@Import({ StatementCounter.class, FailingFieldController.class, ContextSightings.class,
        AuditPrincipal.FromHeader.class })
public abstract class HttpGraphQlTests {

    /** Signed in as {@code demo-manager}, who may do everything. */
    protected HttpGraphQlTester graphQl;

    @LocalServerPort
    protected int port;

    @Autowired
    protected StatementCounter statements;

    /**
     * A generous timeout: these tests share two cores with other builds, and the first
     * request warms up.
     */
    @Autowired
    void setGraphQl(HttpGraphQlTester graphQl, @Value("${local.server.port}") int port) {
        this.graphQl = DemoTokens.signedIn(graphQl, port, DemoTokens.MANAGER);
    }

    /** The same tester, signed in as another demo client. */
    protected HttpGraphQlTester as(String clientId) {
        String bearer = DemoTokens.bearer(port, clientId);
        return graphQl.mutate().headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, bearer)).build();
    }

    /**
     * A word no demo account contains, so that a test sees only the accounts it created.
     */
    protected static String uniqueWord() {
        return "zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected String createAccount(Map<String, Object> input) {
        return graphQl.documentName("createAccount")
            .fragmentName("accountFields")
            .variable("input", input)
            .execute()
            .path("createAccount.account.id")
            .entity(String.class)
            .get();
    }

    protected String createAccount(String name) {
        return createAccount(Map.of("name", name));
    }

    protected static void assertSingleError(List<ResponseError> errors, String code, String field) {
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getExtensions()).containsEntry("code", code);
            if (field != null) {
                assertThat(error.getExtensions()).containsEntry("field", field);
            }
            else {
                assertThat(error.getExtensions()).doesNotContainKey("field");
            }
        });
    }

}
