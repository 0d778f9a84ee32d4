package dev.erpgraph.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.erpgraph.benchmark.Account360Benchmark.Query;
import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxRegistry;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What shipments and invoices cost each ERP (issue 16): an account-360 page of one ERP's
 * accounts with orders, shipments and invoices, each order with its own shipments and
 * invoices, read cold for 5 and for 20 accounts; the ERP requests each page cost, in all
 * and per resource as the sandbox counts them. Batched, the same for 5 and for 20
 * accounts wherever the ERP reads many customers at once; SX.e asks one customer (and one
 * order) per call, as SX.API allows no more.
 */
final class DocumentsCost {

    static final List<Integer> PAGE_SIZES = List.of(5, 20);

    static final List<String> SYSTEMS = List.of("sap", "business-central", "netsuite", "p21", "sxe");

    private DocumentsCost() {
    }

    static List<String> measure() throws Exception {
        try (ConfigurableApplicationContext app = Account360Benchmark.start("documents")) {
            int port = Account360Benchmark.port(app);
            SandboxRegistry sandboxes = app.getBean(SandboxRegistry.class);
            ErpGateway gateway = app.getBean(ErpGateway.class);
            List<String> notes = new ArrayList<>();
            notes.add("shipments and invoices (one ERP's accounts with orders, shipments, invoices and each order's"
                    + " shipments and invoices; cold; ERP requests per page):");
            for (String system : SYSTEMS) {
                // Tokens, connections and master data; not counted.
                Account360Benchmark.execute(port, query(system, 1), true);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-17s", system));
                for (int accounts : PAGE_SIZES) {
                    Account360Benchmark.evictAll(gateway);
                    sandboxes.all().forEach(sandbox -> sandbox.stats().reset());
                    JsonNode answer = Account360Benchmark.execute(port, query(system, accounts), true);
                    Sandbox sandbox = sandboxes.find(system).orElseThrow();
                    Map<String, Long> byResource = new TreeMap<>(sandbox.stats().snapshot().byResource());
                    line.append(String.format(Locale.ROOT, " %2d accounts: %3d requests %s, %d errors;", accounts,
                            sandbox.stats().snapshot().requests(), byResource, answer.path("errors").size()));
                }
                notes.add(line.toString());
            }
            return notes;
        }
    }

    private static Query query(String system, int accounts) {
        return new Query("query Documents($first: Int!) { accounts(first: $first, filter: { erpSystemId: \"" + system
                + "\" }) { nodes { id name shipments(first: 5) { number shipDate status carrier trackingNumber"
                + " lines { sku quantity orderNumber orderLineNumber } } invoices(first: 5) { number invoiceDate"
                + " dueDate status total { amount } amountRemaining { amount } } orders(first: 5) { number"
                + " shipments { number } invoices { number amountRemaining { amount } } } } } }",
                Map.of("first", accounts));
    }

}
