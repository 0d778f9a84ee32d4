package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's Transaction API for the {@code Order} service, with its quirks: HTTP 200
 * whatever happens, the outcome in {@code Summary}
 * ({@code Succeeded}/{@code Failed}/{@code Other}) and {@code Messages[]},
 * {@code Results} null when every transaction failed, partial commits of mixed batches,
 * and an empty HTTP 500 (answered as {@link Optional#empty()}) for faults the service
 * does not explain: a body that is not an Order transaction set, a missing
 * {@code TABPAGE_1.order} form, a quantity that is not a number.
 *
 * <p>
 * Business refusals (a 200 with {@code Failed}): unknown customer, customer on credit
 * hold, missing {@code source_loc_id}, unknown location, {@code requested_date} not after
 * {@code order_date}, unknown item, no lines.
 */
final class P21SandboxTransactions {

    /** A refusal the service explains in {@code Messages}. */
    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }

    }

    /** A fault the service answers with an empty 500. */
    private static final class Fault extends RuntimeException {

    }

    private final Sandbox sandbox;

    private final DistributorDataSet data;

    private final P21SandboxErp erp;

    P21SandboxTransactions(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.data = sandbox.data();
        this.erp = (P21SandboxErp) sandbox.erp();
    }

    Optional<JsonNode> run(String body) {
        try {
            JsonNode request = body == null || body.isBlank() ? null : SandboxJson.MAPPER.readTree(body);
            if (request == null || !"Order".equals(request.path("Name").asString(""))
                    || !request.path("Transactions").isArray() || request.path("Transactions").isEmpty()) {
                return Optional.empty();
            }
            int succeeded = 0;
            int failed = 0;
            List<String> messages = new ArrayList<>();
            List<JsonNode> results = new ArrayList<>();
            for (JsonNode transaction : request.path("Transactions")) {
                try {
                    results.add(passed(enter(transaction)));
                    succeeded++;
                }
                catch (Refused refused) {
                    failed++;
                    messages.add(refused.getMessage());
                }
            }
            ObjectNode answer = SandboxJson.MAPPER.createObjectNode();
            ArrayNode messageArray = answer.putArray("Messages");
            messages.forEach(messageArray::add);
            if (succeeded == 0) {
                answer.putNull("Results");
            }
            else {
                ObjectNode resultNode = answer.putObject("Results");
                resultNode.put("Name", "Order");
                resultNode.put("UseCodeValues", false);
                ArrayNode transactions = resultNode.putArray("Transactions");
                results.forEach(transactions::add);
            }
            ObjectNode summary = answer.putObject("Summary");
            summary.put("Succeeded", succeeded);
            summary.put("Failed", failed);
            summary.put("Other", 0);
            return Optional.of(answer);
        }
        catch (JacksonException | Fault ex) {
            return Optional.empty();
        }
    }

    private String enter(JsonNode transaction) {
        Map<String, String> header = null;
        List<Map<String, String>> items = new ArrayList<>();
        for (JsonNode element : transaction.path("DataElements")) {
            String name = element.path("Name").asString("");
            if (name.equals("TABPAGE_1.order")) {
                JsonNode rows = element.path("Rows");
                if (rows.isEmpty()) {
                    throw new Fault();
                }
                header = edits(rows.get(0));
            }
            else if (name.equals("TP_ITEMS.items")) {
                element.path("Rows").forEach(row -> items.add(edits(row)));
            }
        }
        if (header == null) {
            throw new Fault();
        }
        String customerId = header.getOrDefault("customer_id", "");
        OptionalInt index = erp.customerIndex(customerId);
        if (index.isEmpty()) {
            throw new Refused("Customer ID " + customerId + " is not valid.");
        }
        DistributorDataSet.Customer customer = data.customer(index.getAsInt()).orElseThrow();
        if (customer.onHold()) {
            throw new Refused("Customer " + customerId + " is on credit hold. The order cannot be saved.");
        }
        String sourceLocation = header.get("source_loc_id");
        if (sourceLocation == null || sourceLocation.isBlank()) {
            throw new Refused("Source Location ID is required.");
        }
        String headerWarehouse = warehouse(sourceLocation);
        LocalDate orderDate = date(header.get("order_date"), "Order Date");
        LocalDate requestedDate = date(header.get("requested_date"), "Requested Date");
        if (!requestedDate.isAfter(orderDate)) {
            throw new Refused("Requested Date must be after Order Date.");
        }
        if (items.isEmpty()) {
            throw new Refused("The order has no lines.");
        }
        List<DistributorDataSet.OrderLine> lines = new ArrayList<>();
        for (Map<String, String> item : items) {
            String itemId = item.getOrDefault("oe_order_item_id", "");
            DistributorDataSet.Item known = data.item(itemId)
                .orElseThrow(() -> new Refused("Item ID '" + itemId + "' was not found."));
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(item.getOrDefault("unit_quantity", "").trim());
            }
            catch (NumberFormatException ex) {
                throw new Fault();
            }
            if (quantity.signum() <= 0) {
                throw new Refused("Quantity ordered must be greater than zero for item '" + itemId + "'.");
            }
            String lineLocation = item.get("source_loc_id");
            lines.add(new DistributorDataSet.OrderLine(lines.size() + 1, known.sku(), known.description(), quantity,
                    BigDecimal.ZERO, data.unitPrice(index.getAsInt(), known.sku(), quantity).orElseThrow(),
                    lineLocation == null || lineLocation.isBlank() ? headerWarehouse : warehouse(lineLocation)));
        }
        int sequence = sandbox.createOrder(index.getAsInt(), header.get("po_no"), header.get("web_reference_no"),
                requestedDate, lines);
        return erp.orderNumber(sequence);
    }

    private static ObjectNode passed(String orderNo) {
        ObjectNode transaction = SandboxJson.MAPPER.createObjectNode();
        transaction.put("Status", "Passed");
        ObjectNode element = transaction.putArray("DataElements").addObject();
        element.put("Name", "TABPAGE_1.order");
        element.put("Type", "Form");
        element.putArray("Keys").add("order_no");
        ObjectNode row = element.putArray("Rows").addObject();
        ObjectNode edit = row.putArray("Edits").addObject();
        edit.put("Name", "order_no");
        edit.put("Value", orderNo);
        row.putArray("RelativeDateEdits");
        return transaction;
    }

    private String warehouse(String locationId) {
        return P21SandboxErp.LOCATIONS.entrySet()
            .stream()
            .filter(entry -> String.valueOf(entry.getValue()).equals(locationId.trim()))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new Refused("Location ID " + locationId + " is not valid."));
    }

    private static LocalDate date(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new Refused(label + " is required.");
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        }
        catch (DateTimeParseException ex) {
            throw new Refused(label + " '" + value + "' is not a valid date.");
        }
    }

    private static Map<String, String> edits(JsonNode row) {
        Map<String, String> edits = new HashMap<>();
        for (JsonNode edit : row.path("Edits")) {
            edits.put(edit.path("Name").asString(""), edit.path("Value").asString(""));
        }
        return edits;
    }

}
