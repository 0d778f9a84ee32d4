package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.sandbox.DistributorDataSet;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxErp;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST salesOrders} in the Business Central sandbox: a deep insert with its
 * {@code salesOrderLines}, checked as BC checks it (unknown properties, line types,
 * quantities, the external document number's length), entered into the data set and read
 * back as BC answers a create.
 */
final class BusinessCentralOrderEntry {

    private final Sandbox sandbox;

    private final DistributorDataSet data;

    private final SandboxErp erp;

    BusinessCentralOrderEntry(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.data = sandbox.data();
        this.erp = sandbox.erp();
    }

    // ---- create

    /**
     * Enters a deep-inserted sales order into the data set; answers the new order's
     * fields.
     * @param salesOrders the entity set, whose properties and lines' properties are all a
     * body may name
     * @param readBack the order as BC reads it back
     */
    Map<String, Object> create(JsonNode order, BusinessCentralSandboxEntities.EntitySet salesOrders,
            Function<DistributorDataSet.Order, Map<String, Object>> readBack) {
        Set<String> headerProperties = new HashSet<>(salesOrders.properties());
        headerProperties.add("salesOrderLines");
        Set<String> lineProperties = salesOrders.navigations().get("salesOrderLines");
        order.properties().forEach(entry -> {
            if (!headerProperties.contains(entry.getKey())) {
                throw invalid("The property '" + entry.getKey() + "' does not exist on type 'Microsoft.NAV.salesOrder'."
                        + " Make sure to only use property names that are defined by the type.");
            }
        });
        String customerNumber = order.path("customerNumber").isString() ? order.path("customerNumber").stringValue()
                : null;
        OptionalInt customerIndex = customerNumber == null ? OptionalInt.empty() : erp.customerIndex(customerNumber);
        if (customerIndex.isEmpty()) {
            throw new BusinessCentralError(400, "Internal_RecordNotFound",
                    "The Customer does not exist." + " Identification fields and values: No.='" + customerNumber + "'");
        }
        if (data.customer(customerIndex.getAsInt()).orElseThrow().onHold()) {
            // The sandbox shows a customer on hold as blocked "Ship", which BC refuses on
            // a new order.
            throw new BusinessCentralError(400, "Application_DialogException", "You cannot create this type of"
                    + " document when Customer " + customerNumber + " is blocked with type Ship");
        }
        LocalDate requested = null;
        if (order.path("requestedDeliveryDate").isString()) {
            try {
                requested = LocalDate.parse(order.path("requestedDeliveryDate").stringValue());
            }
            catch (DateTimeParseException ex) {
                throw invalid("Cannot convert the literal '" + order.path("requestedDeliveryDate").stringValue()
                        + "' to the expected type 'Edm.Date'.");
            }
        }
        JsonNode wireLines = order.path("salesOrderLines");
        if (!wireLines.isArray() || wireLines.isEmpty()) {
            throw invalid("A sales order needs salesOrderLines (deep insert) in this sandbox.");
        }
        List<DistributorDataSet.OrderLine> lines = new ArrayList<>();
        int lineNumber = 0;
        for (JsonNode wire : wireLines) {
            wire.properties().forEach(entry -> {
                if (!lineProperties.contains(entry.getKey())) {
                    throw invalid("The property '" + entry.getKey() + "' does not exist on type"
                            + " 'Microsoft.NAV.salesOrderLine'.");
                }
            });
            if (!"Item".equals(wire.path("lineType").asString(""))) {
                throw invalid("Only lines of lineType 'Item' are supported by this sandbox.");
            }
            String sku = wire.path("lineObjectNumber").asString("");
            DistributorDataSet.Item item = data.item(sku)
                .orElseThrow(() -> new BusinessCentralError(400, "Internal_RecordNotFound",
                        "The Item does not exist. Identification fields and values: No.='" + sku + "'"));
            if (!wire.path("quantity").isNumber() || wire.path("quantity").decimalValue().signum() <= 0) {
                throw invalid("The quantity of a line must be a positive number.");
            }
            BigDecimal quantity = wire.path("quantity").decimalValue();
            String warehouse = "CLE";
            if (wire.path("locationId").isString()) {
                String locationId = wire.path("locationId").stringValue();
                warehouse = data.warehouses()
                    .stream()
                    .map(DistributorDataSet.Warehouse::code)
                    .filter(code -> BusinessCentralSandboxEntities.guid("location", code).equalsIgnoreCase(locationId))
                    .findFirst()
                    .orElseThrow(() -> new BusinessCentralError(400, "Internal_RecordNotFound",
                            "The Location does not exist. Identification fields and values: Id='" + locationId + "'"));
            }
            BigDecimal unitPrice = data.unitPrice(customerIndex.getAsInt(), sku, quantity).orElseThrow();
            lines.add(new DistributorDataSet.OrderLine(++lineNumber, sku, item.description(), quantity, BigDecimal.ZERO,
                    unitPrice, warehouse));
        }
        String external = order.path("externalDocumentNumber").asString("");
        if (external.length() > 35) {
            throw invalid("The length of the string is " + external.length()
                    + ", but it must be less than or equal to 35 characters. Value: " + external);
        }
        int sequence = sandbox.createOrder(customerIndex.getAsInt(), external, external, requested, lines);
        return readBack.apply(data.order(sequence).orElseThrow());
    }

    private static BusinessCentralError invalid(String message) {
        return new BusinessCentralError(400, "BadRequest", message);
    }

}
