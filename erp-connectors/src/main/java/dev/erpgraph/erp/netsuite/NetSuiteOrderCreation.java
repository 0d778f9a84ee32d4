package dev.erpgraph.erp.netsuite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.SalesOrderRequest;
import dev.erpgraph.erp.http.ErpHttpResponse;
import dev.erpgraph.erp.http.ErpJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates a sales order through the REST record API: one statement resolving skus to item
 * internal ids (and one for warehouse codes to location ids if any line names a
 * warehouse), {@code POST record/v1/salesOrder} (204 + {@code Location}) with the
 * idempotency key as {@code externalId}, one statement reading the new order's
 * {@code tranid}. {@link #find} reads the order by that {@code externalid} in SuiteQL.
 * See {@link NetSuiteConnector}.
 */
record NetSuiteOrderCreation(NetSuiteClient client, NetSuiteReads reads,
        String systemId) implements AssembledConnector.OrderCreation {

    static final String SALES_ORDER_PATH = "/services/rest/record/v1/salesOrder";

    private static final Pattern CREATED_ID = Pattern.compile("/salesOrder/([1-9][0-9]{0,17})/?$");

    @Override
    public String create(SalesOrderRequest request) {
        String customer = SuiteQl.internalId(request.customerNumber())
            .orElseThrow(() -> ErpException.rejected(systemId,
                    "customer " + request.customerNumber() + " is not a NetSuite internal id"));
        Map<String, String> itemIds = lookup("items", "SELECT i.id, i.itemid AS code FROM item i WHERE i.itemid IN ",
                request.lines().stream().map(SalesOrderRequest.Line::sku).toList(), " ORDER BY i.id", "item");
        List<String> warehouses = request.lines()
            .stream()
            .map(SalesOrderRequest.Line::warehouse)
            .filter(Objects::nonNull)
            .toList();
        Map<String, String> locationIds = warehouses.isEmpty() ? Map.of()
                : lookup(
                        "locations", "SELECT loc.id, loc." + reads.locationCode()
                                + " AS code FROM location loc WHERE loc." + reads.locationCode() + " IN ",
                        warehouses, " ORDER BY loc.id", "warehouse");

        ObjectNode order = ErpJson.MAPPER.createObjectNode();
        order.putObject("entity").put("id", Long.parseLong(customer));
        // externalId is unique per record type in NetSuite: a retried create is refused
        // as a duplicate, not doubled.
        order.put("externalId", request.idempotencyKey());
        order.put("otherRefNum",
                request.customerReference() == null ? request.idempotencyKey() : request.customerReference());
        if (request.requestedDeliveryDate() != null) {
            order.put("shipDate", request.requestedDeliveryDate().toString());
        }
        ArrayNode items = order.putObject("item").putArray("items");
        for (SalesOrderRequest.Line line : request.lines()) {
            ObjectNode item = items.addObject();
            item.putObject("item").put("id", Long.parseLong(itemIds.get(line.sku())));
            item.put("quantity", line.quantity());
            if (line.warehouse() != null) {
                item.putObject("location").put("id", Long.parseLong(locationIds.get(line.warehouse())));
            }
        }
        ErpHttpResponse response = client.send("create-order", SALES_ORDER_PATH, Map.of(),
                ErpJson.MAPPER.writeValueAsString(order));
        if (!response.isSuccess()) {
            if ("DUP_RCRD".equals(NetSuiteClient.errorCode(response))) {
                return tranId("t.externalid = " + SuiteQl.string(request.idempotencyKey()));
            }
            throw NetSuiteClient.failure(response);
        }
        String location = response.header("Location")
            .orElseThrow(
                    () -> ErpException.badResponse(systemId, "created sales order without a Location header", null));
        Matcher id = CREATED_ID.matcher(location);
        if (!id.find()) {
            throw ErpException.badResponse(systemId, "unreadable Location of the created sales order", null);
        }
        return tranId("t.id = " + id.group(1));
    }

    /**
     * The sales order whose {@code externalid} is the idempotency key the create sent;
     * NetSuite keeps that unique per record type, so there is at most one. A key SuiteQL
     * cannot quote (NUL) was never accepted as an external id.
     */
    @Override
    public Optional<String> find(SalesOrderRequest request) {
        if (!SuiteQl.quotable(request.idempotencyKey())) {
            return Optional.empty();
        }
        return salesOrder("find-order", "t.externalid = " + SuiteQl.string(request.idempotencyKey()));
    }

    private String tranId(String condition) {
        return salesOrder("orders", condition)
            .orElseThrow(() -> ErpException.badResponse(systemId, "the created sales order cannot be read back", null));
    }

    private Optional<String> salesOrder(String resource, String condition) {
        List<JsonNode> found = reads.suiteQl()
            .query(resource,
                    "SELECT t.tranid FROM transaction t WHERE t.type = 'SalesOrd' AND " + condition + " ORDER BY t.id");
        return found.stream().findFirst().map(row -> reads.rows().required(row, "tranid"));
    }

    /**
     * Internal ids by code for every code given, or REJECTED naming the first unknown one
     * (nothing is written).
     */
    private Map<String, String> lookup(String resource, String select, List<String> codes, String orderBy,
            String what) {
        Set<String> wanted = new TreeSet<>(codes);
        wanted.stream().filter(code -> !SuiteQl.quotable(code)).findFirst().ifPresent(code -> {
            throw ErpException.rejected(systemId, "unknown " + what + " " + code.replace('\0', '?'));
        });
        Map<String, String> ids = new HashMap<>();
        for (JsonNode row : reads.query(resource,
                SuiteQl.chunks(wanted).stream().map(chunk -> select + SuiteQl.stringList(chunk) + orderBy).toList())) {
            ids.put(reads.rows().required(row, "code"), reads.rows().required(row, "id"));
        }
        for (String code : wanted) {
            if (!ids.containsKey(code) || SuiteQl.internalId(ids.get(code)).isEmpty()) {
                throw ErpException.rejected(systemId, "unknown " + what + " " + code);
            }
        }
        return ids;
    }

}
