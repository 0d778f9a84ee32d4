package dev.erpgraph.erp.p21;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.ErpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates sales orders through P21's Transaction API, the way the P21 UI would enter
 * them.
 *
 * <p>
 * Two steps: the UI server that runs transactions is found with
 * {@code GET /api/ui/router/v1/?urlType=external} → {@code {"Url": ...}} (the trailing
 * slash matters: without it the middleware answers 307), remembered, then {@code POST
 * {Url}/api/v2/transaction} with the {@code Order} service's body: a
 * {@code TABPAGE_1.order} form (customer, sales and source location, order and requested
 * date, PO, taker) and a {@code TP_ITEMS.items} list ({@code oe_order_item_id},
 * {@code unit_quantity}).
 *
 * <p>
 * The answer needs care: HTTP 200 does not mean success. {@code Summary.Failed} counts
 * failed transactions, {@code Results} is null when all of them failed, and the reason is
 * in {@code Messages[]}: that becomes {@link ErpException.Kind#REJECTED} with the message
 * (a customer on credit hold, an unknown item). Some faults are an empty HTTP 500
 * instead: {@link ErpException.Kind#UNAVAILABLE}, safe to retry because of the PO check
 * below. The new {@code order_no} is the {@code order_no} edit of the
 * {@code TABPAGE_1.order} row in the result.
 *
 * <p>
 * Idempotency: the idempotency key is sent as {@code web_reference_no}, the order
 * header's field for the reference of an order entered from outside P21 [I: named in
 * P21's {@code oe_hdr} table, its use by the Transaction API inferred]; the customer's
 * own PO goes in {@code po_no}, where P21 prints it (without one, the key, since
 * customers may require a PO). Before entering an order the client looks for an order of
 * that customer with that web reference and answers its number instead of entering a
 * second one: a customer's PO is not unique, the key is.
 */
final class P21TransactionClient {

    private final P21Client odata;

    private final P21Options options;

    private final Clock clock;

    private volatile String uiServer;

    P21TransactionClient(P21Client odata, P21Options options, Clock clock) {
        this.odata = Objects.requireNonNull(odata, "odata");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The customer's PO, or the idempotency key where the request has none. */
    static String poNumber(SalesOrderRequest request) {
        return request.customerReference() == null || request.customerReference().isBlank() ? request.idempotencyKey()
                : request.customerReference();
    }

    String create(long customerId, SalesOrderRequest request) {
        String body = ErpJson.MAPPER.writeValueAsString(body(customerId, request));
        String url = uiServer() + "/api/v2/transaction";
        ErpHttpResponse response = odata.authorized("create-order", "POST", url,
                Map.of("Content-Type", "application/json", "Accept", "application/json"), body);
        if (response.status() >= 500) {
            // The UI server may have moved; ask the router again next time.
            uiServer = null;
        }
        return orderNumber(response);
    }

    /**
     * The new order number from the Transaction API's answer, or the failure it stands
     * for.
     */
    String orderNumber(ErpHttpResponse response) {
        if (!response.isSuccess()) {
            throw response.failure(P21ErrorBody.message(response));
        }
        return orderNumber(response.json());
    }

    /**
     * The new order number from a Transaction API answer, or the rejection it carries.
     */
    String orderNumber(JsonNode answer) {
        JsonNode summary = answer.path("Summary");
        JsonNode results = answer.path("Results");
        if (summary.path("Failed").asInt(0) > 0 || results.isNull() || results.isMissingNode()) {
            String message = P21ErrorBody.messages(answer.path("Messages"));
            throw ErpException.rejected(odata.systemId(), message.isEmpty() ? "the Order transaction failed" : message);
        }
        for (JsonNode transaction : results.path("Transactions")) {
            if (!"Passed".equalsIgnoreCase(transaction.path("Status").asString(""))) {
                String message = P21ErrorBody.messages(answer.path("Messages"));
                throw ErpException.rejected(odata.systemId(),
                        message.isEmpty() ? "the Order transaction did not pass" : message);
            }
            for (JsonNode element : transaction.path("DataElements")) {
                if (!"TABPAGE_1.order".equals(element.path("Name").asString(""))) {
                    continue;
                }
                for (JsonNode row : element.path("Rows")) {
                    for (JsonNode edit : row.path("Edits")) {
                        if ("order_no".equals(edit.path("Name").asString(""))
                                && !edit.path("Value").asString("").isBlank()) {
                            return edit.path("Value").asString();
                        }
                    }
                }
            }
        }
        throw ErpException.badResponse(odata.systemId(), "transaction passed without an order_no", null);
    }

    private String uiServer() {
        String known = uiServer;
        if (known != null) {
            return known;
        }
        ErpHttpResponse response = odata.authorized("router", "GET", "api/ui/router/v1/?urlType=external",
                Map.of("Accept", "application/json"), null);
        if (!response.isSuccess()) {
            throw response.failure(P21ErrorBody.message(response));
        }
        String url = response.json().path("Url").asString("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ErpException.badResponse(odata.systemId(), "router answered no absolute Url", null);
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        uiServer = url;
        return url;
    }

    ObjectNode body(long customerId, SalesOrderRequest request) {
        LocalDate orderDate = LocalDate.now(clock);
        LocalDate requested = request.requestedDeliveryDate() == null ? orderDate.plusDays(1)
                : request.requestedDeliveryDate();
        long location = request.lines()
            .stream()
            .map(SalesOrderRequest.Line::warehouse)
            .filter(Objects::nonNull)
            .findFirst()
            .map(this::location)
            .orElse(options.defaultLocationId());

        ObjectNode root = ErpJson.MAPPER.createObjectNode();
        root.put("Name", "Order");
        root.put("UseCodeValues", false);
        ObjectNode transaction = root.putArray("Transactions").addObject();
        transaction.put("Status", "New");
        ArrayNode elements = transaction.putArray("DataElements");

        ObjectNode form = element(elements, "TABPAGE_1.order", "Form");
        ArrayNode header = form.putArray("Rows").addObject().putArray("Edits");
        edit(header, "customer_id", String.valueOf(customerId));
        edit(header, "sales_loc_id", String.valueOf(location));
        // source_loc_id is effectively required: without it P21 enters the order with no
        // lines.
        edit(header, "source_loc_id", String.valueOf(location));
        edit(header, "order_date", orderDate.toString());
        edit(header, "requested_date", requested.toString());
        edit(header, "po_no", poNumber(request));
        edit(header, "web_reference_no", request.idempotencyKey());
        edit(header, "taker", options.taker());
        ((ObjectNode) form.path("Rows").get(0)).putArray("RelativeDateEdits");

        ObjectNode items = element(elements, "TP_ITEMS.items", "List");
        ArrayNode rows = items.putArray("Rows");
        for (SalesOrderRequest.Line line : request.lines()) {
            ObjectNode row = rows.addObject();
            ArrayNode edits = row.putArray("Edits");
            edit(edits, "oe_order_item_id", line.sku());
            edit(edits, "unit_quantity", line.quantity().toPlainString());
            if (line.warehouse() != null) {
                edit(edits, "source_loc_id", String.valueOf(location(line.warehouse())));
            }
            row.putArray("RelativeDateEdits");
        }
        return root;
    }

    private long location(String warehouse) {
        OptionalLong id = options.locations().locationId(warehouse);
        if (id.isEmpty()) {
            throw ErpException.rejected(odata.systemId(), "warehouse " + warehouse + " is not a P21 location");
        }
        return id.getAsLong();
    }

    private static ObjectNode element(ArrayNode elements, String name, String type) {
        ObjectNode element = elements.addObject();
        element.put("Name", name);
        element.put("Type", type);
        element.putArray("Keys");
        return element;
    }

    private static void edit(ArrayNode edits, String name, String value) {
        ObjectNode edit = edits.addObject();
        edit.put("Name", name);
        edit.put("Value", value);
    }

}
