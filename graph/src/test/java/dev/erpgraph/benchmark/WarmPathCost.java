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
     * The same 51 accounts through the same three connections, and an answer of the same
     * shape: about as many objects, fields and lists (4,031, 9,712 and 895 on the demo
     * data, against the account-360 page's 4,175, 9,679 and 916), nested as deep. The
     * demo data holds fewer contacts and opportunities per account than the ERPs hold
     * orders and lines, so the page follows each opportunity back to its account and that
     * account's contacts and opportunities, as a page of related records would.
     */
    private static final String CRM_PAGE = "account360 on Account { id name"
            + " billingAddress { city region } shippingAddress { city region }"
            + " contacts(first: 5) { nodes { firstName lastName email } }"
            + " opportunities(first: 5) { nodes { name stage closeDate amount { amount currency }"
            + " lines { lineNumber sku quantity }" + " account { id name billingAddress { city region }"
            + " contacts(first: 5) { nodes { firstName email } }"
            + " opportunities(first: 5) { nodes { stage amount { amount currency } lines { sku quantity }"
            + " account { id } } } } } } }";

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
            Shape erpShape = Shape.of(Account360Benchmark.execute(port, erpPage).get("data"));
            Shape crmShape = Shape.of(Account360Benchmark.execute(port, crmPage).get("data"));
            ThroughputInTurns turns = ThroughputInTurns.measure(WARM_UP_ROUNDS, ROUNDS, port, erpPage, port, crmPage);
            double erpMedian = turns.firstMedian();
            double crmMedian = turns.secondMedian();
            return List.of(String.format(Locale.ROOT,
                    "warm path (%d rounds in turns, %d clients, %d queries each): account-360 page (%s) %.1f"
                            + " queries/s %s; CRM-only page of the same shape (%s) %.1f queries/s %s; ratio"
                            + " %.2f (target: at least 0.90); fields per second, account-360 against CRM-only: %.2f",
                    ROUNDS, Account360Benchmark.THROUGHPUT_CLIENTS, Account360Benchmark.THROUGHPUT_QUERIES, erpShape,
                    erpMedian, ThroughputInTurns.rounds(turns.first()), crmShape, crmMedian,
                    ThroughputInTurns.rounds(turns.second()), turns.ratio(),
                    (erpMedian * erpShape.fields()) / (crmMedian * crmShape.fields())));
        }
    }

    /** How many objects, fields (name-value pairs) and lists an answer holds. */
    record Shape(int objects, int fields, int lists) {

        static Shape of(JsonNode node) {
            int objects = 0;
            int fields = 0;
            int lists = 0;
            if (node.isObject()) {
                objects++;
                for (String name : node.propertyNames()) {
                    Shape inner = of(node.get(name));
                    objects += inner.objects();
                    fields += 1 + inner.fields();
                    lists += inner.lists();
                }
            }
            else if (node.isArray()) {
                lists++;
                for (JsonNode item : node) {
                    Shape inner = of(item);
                    objects += inner.objects();
                    fields += inner.fields();
                    lists += inner.lists();
                }
            }
            return new Shape(objects, fields, lists);
        }

        @Override
        public String toString() {
            return objects + " objects, " + fields + " fields, " + lists + " lists";
        }

    }

}
