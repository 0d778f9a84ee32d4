package dev.erpgraph.benchmark;

import java.util.List;
import java.util.Locale;

import dev.erpgraph.DemoTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What reading the ERP costs on the warm path: the account-360 page's warm throughput
 * (every ERP value cached) against a CRM-only page of the same shape on the same server,
 * measured in turns so that the machine's noise falls on both alike. The CRM-only page
 * reads the same 51 accounts through the same three connections, with an object in place
 * of credit and one in place of the price, and a paged list with a nested list
 * (opportunities and their lines) in place of orders and their lines; the line's stock
 * has no CRM counterpart, so the account-360 answer holds more fields, which the figures
 * show beside the throughput.
 */
final class WarmPathCost {

    static final int ROUNDS = Integer.getInteger("benchmark.warmRounds", 3);

    static final int WARM_UP_ROUNDS = 3;

    /**
     * 51 accounts through the same three connections, an answer of about as many fields
     * (9,060 against 9,680 on the demo data) nested as deep: the account's own fields and
     * addresses, its contacts, and its opportunities with their lines and, below each,
     * the account's addresses and contacts again.
     */
    private static final String CRM_PAGE = "account360 on Account { id name industry phone createdAt updatedAt"
            + " billingAddress { street city region postalCode country }"
            + " shippingAddress { street city region postalCode country }"
            + " contacts(first: 5) { nodes { firstName lastName email phone title role } }"
            + " opportunities(first: 5) { nodes { name stage probability closeDate amount { amount currency }"
            + " lines { lineNumber sku quantity }"
            + " account { id name billingAddress { street city region postalCode country }"
            + " shippingAddress { street city region postalCode country }"
            + " contacts(first: 5) { nodes { firstName lastName email phone title role } } } } } }";

    private WarmPathCost() {
    }

    static List<String> measure() throws Exception {
        try (ConfigurableApplicationContext app = SecurityCost.start(false)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Account360Benchmark.bearer = "Bearer " + DemoTokens.fetch(port, DemoTokens.MANAGER);
            List<String> first = Account360Benchmark.cursors(port).get(0);
            Account360Benchmark.Query erpPage = Account360Benchmark.query(first);
            Account360Benchmark.Query crmPage = new Account360Benchmark.Query(
                    erpPage.document().substring(0, erpPage.document().indexOf("account360 on Account")) + CRM_PAGE,
                    erpPage.variables());
            int erpFields = fields(Account360Benchmark.execute(port, erpPage));
            int crmFields = fields(Account360Benchmark.execute(port, crmPage));
            ThroughputInTurns turns = ThroughputInTurns.measure(WARM_UP_ROUNDS, ROUNDS, port, erpPage, port, crmPage);
            double erpMedian = turns.firstMedian();
            double crmMedian = turns.secondMedian();
            return List.of(String.format(Locale.ROOT,
                    "warm path (%d rounds in turns, %d clients, %d queries each): account-360 page (%d fields) %.1f"
                            + " queries/s %s; CRM-only page of the same shape (%d fields) %.1f queries/s %s; ratio"
                            + " %.2f (target: at least 0.90); fields per second, account-360 against CRM-only: %.2f",
                    ROUNDS, Account360Benchmark.THROUGHPUT_CLIENTS, Account360Benchmark.THROUGHPUT_QUERIES, erpFields,
                    erpMedian, ThroughputInTurns.rounds(turns.first()), crmFields, crmMedian,
                    ThroughputInTurns.rounds(turns.second()), turns.ratio(),
                    (erpMedian * erpFields) / (crmMedian * crmFields)));
        }
    }

    /** Every name-value pair of the answer's data. */
    private static int fields(JsonNode node) {
        int fields = 0;
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                fields += 1 + fields(node.get(name));
            }
        }
        else if (node.isArray()) {
            for (JsonNode item : node) {
                fields += fields(item);
            }
        }
        return fields;
    }

}
