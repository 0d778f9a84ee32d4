package dev.erpgraph.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page's trace shows at a glance which ERP made it slow: one trace per GraphQL request,
 * under it a span per ERP system and resource of each DataLoader dispatch (keys, cache
 * hits and misses), under each the ERP's HTTP requests (status, bytes, retry attempt),
 * and a span for a token fetch when one happens. A failed ERP request is a span in error,
 * and the error the client sees quotes the trace id that every log line of the request
 * carries, also those written on the ERP call threads.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceTreeTests extends OperationsContext {

    private static final Set<String> THREE_ERPS = Set.of("sap", "business-central", "netsuite");

    private static final Set<String> RESOURCES = Set.of("credit", "prices", "orders", "inventory");

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    SdkTracerProvider tracerProvider;

    @BeforeEach
    @AfterEach
    void calm() {
        for (String erp : THREE_ERPS) {
            faults(erp, Map.of("down", false, "errorRate", 0.0, "rateLimitNext", 0));
        }
        coldCache();
    }

    @Test
    void anAccount360PageOverThreeErpsIsOneTraceWithASpanPerErpReadAndPerErpRequest() {
        // Business Central holds a token, which its sandbox then refuses: the page's
        // first
        // request to it is answered 401, and one token fetch follows.
        graphQl.documentName("account360AcrossErps")
            .variable("first", 1)
            .variable("sap", false)
            .variable("ns", false)
            .execute()
            .errors()
            .verify();
        coldCache();
        revokeTokens("business-central");
        String traceId = newTraceId();

        traced(traceId).documentName("account360AcrossErps").variable("first", 2).execute().errors().verify();

        List<SpanData> trace = trace(traceId);
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        String tree = tree(trace);
        SpanData server = only(trace, span -> span.getKind() == SpanKind.SERVER, tree);
        assertThat(server.getParentSpanId()).as(tree).isEqualTo(PARENT_SPAN_ID);
        SpanData request = only(trace, span -> span.getName().startsWith("graphql query"), tree);
        assertThat(ancestors(request, byId)).as(tree).contains(server);

        List<SpanData> reads = named(trace, "erp.gateway.reads");
        assertThat(reads).as(tree)
            .extracting(span -> attribute(span, "erp") + " " + attribute(span, "resource"))
            .containsExactlyInAnyOrderElementsOf(THREE_ERPS.stream()
                .flatMap(erp -> RESOURCES.stream().map(resource -> erp + " " + resource))
                .toList());
        assertThat(reads).as(tree).allSatisfy(read -> {
            assertThat(ancestors(read, byId)).contains(request);
            assertThat(read.getName()).isEqualTo("erp " + attribute(read, "erp") + " " + attribute(read, "resource"));
            assertThat(Integer.parseInt(attribute(read, "erp.keys"))).isPositive();
            assertThat(attribute(read, "erp.cache.hits")).isEqualTo("0");
            assertThat(attribute(read, "erp.cache.misses")).isEqualTo(attribute(read, "erp.keys"));
            assertThat(read.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        });
        // Each ERP's lines' stock is read as soon as its orders are in, under their read;
        // the stock loader answers from it.
        assertThat(reads).as(tree)
            .filteredOn(read -> "inventory".equals(attribute(read, "resource")))
            .allSatisfy(
                    stock -> assertThat(attribute(byId.get(stock.getParentSpanId()), "resource")).isEqualTo("orders"));

        List<SpanData> requests = named(trace, "erp.connector.requests");
        assertThat(requests).as(tree).allSatisfy(http -> {
            SpanData read = byId.get(http.getParentSpanId());
            assertThat(read).as("the parent of %s", http.getName()).isIn(reads);
            assertThat(attribute(http, "erp")).isEqualTo(attribute(read, "erp"));
            assertThat(http.getName()).startsWith("erp " + attribute(http, "erp") + " " + attribute(http, "method"));
            assertThat(attribute(http, "erp.retry.attempt")).isEqualTo("1");
            assertThat(attribute(http, "http.response.status_code")).isIn("200", "401");
            assertThat(Integer.parseInt(attribute(http, "http.response.body.size"))).isPositive();
        });
        assertThat(reads).as("every ERP read sent a request: %s", tree)
            .allSatisfy(read -> assertThat(requests).anyMatch(http -> read.getSpanId().equals(http.getParentSpanId())));
        assertThat(requests).as("the revoked token was refused once, and one new token was fetched: %s", tree)
            .filteredOn(http -> "business-central".equals(attribute(http, "erp")))
            .extracting(http -> attribute(http, "resource") + " " + attribute(http, "http.response.status_code"))
            .contains("token 200")
            .containsOnlyOnce("token 200")
            .anyMatch(resourceAndStatus -> resourceAndStatus.endsWith(" 401"));
    }

    @Test
    void aFailedErpRequestIsASpanInErrorAndTheClientsErrorQuotesTheTraceIdEveryLogLineCarries(CapturedOutput output) {
        faults("netsuite", Map.of("down", true));
        String traceId = newTraceId();

        List<ResponseError> errors = new ArrayList<>();
        traced(traceId).documentName("account360AcrossErps")
            .variable("first", 2)
            .variable("sap", false)
            .variable("bc", false)
            .execute()
            .errors()
            .satisfy(errors::addAll);

        assertThat(errors).isNotEmpty()
            .allSatisfy(error -> assertThat(error.getExtensions()).containsEntry("code", "ERP_UNAVAILABLE")
                .containsEntry("erpSystemId", "netsuite")
                .containsEntry("traceId", traceId));
        List<SpanData> trace = trace(traceId);
        String tree = tree(trace);
        List<SpanData> failedRequests = named(trace, "erp.connector.requests").stream()
            .filter(http -> "503".equals(attribute(http, "http.response.status_code")))
            .toList();
        assertThat(failedRequests).as(tree).isNotEmpty().allSatisfy(http -> {
            assertThat(attribute(http, "erp")).isEqualTo("netsuite");
            assertThat(http.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        });
        assertThat(failedRequests).as("the read was retried once: %s", tree)
            .extracting(http -> attribute(http, "erp.retry.attempt"))
            .contains("1", "2");
        assertThat(named(trace, "erp.gateway.reads")).as(tree)
            .isNotEmpty()
            .allSatisfy(read -> assertThat(read.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
        assertThat(output.getOut().lines().filter(line -> line.contains("ERP netsuite") && line.contains("failed")))
            .as("the gateway's log lines of the failed reads, written on the ERP call threads")
            .isNotEmpty()
            .allSatisfy(line -> assertThat(line).contains(traceId));
    }

    // --- fixtures

    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The tester, continuing the caller's sampled trace {@code traceId} (W3C). */
    private HttpGraphQlTester traced(String traceId) {
        return graphQl.mutate().header("traceparent", "00-" + traceId + "-" + PARENT_SPAN_ID + "-01").build();
    }

    /** Every span of the trace, once the server has finished it. */
    private List<SpanData> trace(String traceId) {
        List<SpanData> trace = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(tracerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            trace.clear();
            spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).forEach(trace::add);
            assertThat(trace).anyMatch(span -> span.getKind() == SpanKind.SERVER);
        });
        return trace;
    }

    private static List<SpanData> named(List<SpanData> trace, String observation) {
        return trace.stream().filter(span -> observation.equals(observationOf(span))).toList();
    }

    /**
     * Which of our observations a span is: the spans of {@code erp.gateway.reads} carry
     * {@code erp.keys}, those of {@code erp.connector.requests} carry {@code method}.
     */
    private static String observationOf(SpanData span) {
        if (attribute(span, "erp.keys") != null) {
            return "erp.gateway.reads";
        }
        if (attribute(span, "erp") != null && attribute(span, "method") != null) {
            return "erp.connector.requests";
        }
        return span.getName();
    }

    private static SpanData only(List<SpanData> trace, Predicate<SpanData> which, String tree) {
        List<SpanData> found = trace.stream().filter(which).toList();
        assertThat(found).as(tree).hasSize(1);
        return found.get(0);
    }

    private static List<SpanData> ancestors(SpanData span, Map<String, SpanData> byId) {
        List<SpanData> ancestors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SpanData parent = byId.get(span.getParentSpanId());
        while (parent != null && seen.add(parent.getSpanId())) {
            ancestors.add(parent);
            parent = byId.get(parent.getParentSpanId());
        }
        return ancestors;
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    /** The trace as an indented tree, for assertion messages. */
    private static String tree(List<SpanData> trace) {
        StringBuilder text = new StringBuilder("\n");
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        trace.stream()
            .filter(span -> !ids.contains(span.getParentSpanId()))
            .forEach(root -> append(text, root, trace, 0));
        return text.toString();
    }

    private static void append(StringBuilder text, SpanData span, List<SpanData> trace, int depth) {
        text.append("  ".repeat(depth))
            .append(span.getName())
            .append(' ')
            .append(span.getStatus().getStatusCode())
            .append(' ')
            .append(span.getAttributes().asMap())
            .append('\n');
        trace.stream()
            .filter(child -> child.getParentSpanId().equals(span.getSpanId()))
            .forEach(child -> append(text, child, trace, depth + 1));
    }

}
