package dev.erpgraph.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;

/**
 * What one cold five-account page costs SX.e, call by call (issue 16): the page of
 * {@code ErpFieldsTests.aFiveAccountPageCostsSxeThirtyFourCalls}
 * ({@code graphql-test/account360OneErp.graphql}), whose test asserts the same figure.
 * SX.API reads one customer or one order per call, so it is the ERP whose request count
 * moves with the page, not the round trips the rest of the benchmark measures.
 */
final class SxeCallsPerPage {

    private static final String DOCUMENT = "/graphql-test/account360OneErp.graphql";

    private SxeCallsPerPage() {
    }

    static String measure(int port, SandboxRegistry sandboxes, ErpGateway gateway) throws Exception {
        Account360Benchmark.evictAll(gateway);
        Sandbox sxe = sandboxes.find("sxe").orElseThrow();
        sxe.stats().reset();
        Account360Benchmark.execute(port,
                new Account360Benchmark.Query(document(), Map.of("erpSystemId", "sxe", "first", 5)));
        Map<String, Long> calls = new TreeMap<>(sxe.stats().snapshot().byResource());
        calls.remove("token");
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        return String.format(Locale.ROOT,
                "SX.e calls for a cold five-account page (credit, a price, 3 orders, lines, Cleveland stock): %d %s"
                        + " (92 before the multi-product stock read of issue 16)",
                total, calls);
    }

    private static String document() throws IOException {
        try (InputStream in = SxeCallsPerPage.class.getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
