package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Shipment;
import dev.erpgraph.erp.ShipmentLine;
import dev.erpgraph.erp.ShipmentQuery;
import dev.erpgraph.erp.ShipmentStatus;
import tools.jackson.databind.JsonNode;

/**
 * Item fulfillments: one statement on {@code transaction} ({@code type = 'ItemShip'}) by
 * customer ({@code entity IN}, {@code trandate} pushed down), or by the sales orders they
 * were created from ({@code transaction so JOIN transaction t ON t.createdfrom = so.id},
 * {@code so.tranid IN}); then one on {@code transactionline} for their item lines, each
 * joined through {@code previoustransactionlinelink} ({@code nextdoc}/{@code nextline} =
 * the fulfillment line, {@code previousdoc}/{@code previousline} = the sales order line)
 * to the order's number and line sequence number. Status letters: {@code C} shipped,
 * {@code A} picked and {@code B} packed pending. Carrier = {@code BUILTIN.DF(shipmethod)}
 * (the shipping item's name), tracking = {@code linkedtrackingnumbers} (several are
 * separated by spaces; all are kept). Fulfillment quantities are made positive whatever
 * sign NetSuite stores. See {@link NetSuiteConnector}.
 */
record NetSuiteShipments(NetSuiteReads reads, SuiteQlRows rows) implements AssembledConnector.ShipmentReads {

    private static final String HEADER = "SELECT t.id, t.tranid, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
            + " t.status, BUILTIN.DF(t.shipmethod) AS carrier, t.linkedtrackingnumbers AS tracking";

    @Override
    public ErpBatch<String, List<Shipment>> shipments(Set<String> customerNumbers, ShipmentQuery query) {
        Set<String> ids = NetSuiteReads.internalIds(customerNumbers);
        String since = query.since() == null ? ""
                : " AND t.trandate >= TO_DATE(" + SuiteQl.string(query.since().toString()) + ", 'YYYY-MM-DD')";
        List<String> statements = SuiteQl.chunks(ids)
            .stream()
            .map(chunk -> HEADER + " FROM transaction t WHERE t.type = 'ItemShip' AND t.entity IN "
                    + SuiteQl.idList(chunk) + since + " ORDER BY t.id")
            .toList();
        return ErpBatch.of(query.perCustomer(ids, read(statements)));
    }

    @Override
    public ErpBatch<String, List<Shipment>> byOrder(Set<String> orderNumbers) {
        Set<String> numbers = NetSuiteReads.quotable(orderNumbers);
        List<String> statements = SuiteQl.chunks(numbers)
            .stream()
            .map(chunk -> HEADER + " FROM transaction so JOIN transaction t ON t.createdfrom = so.id"
                    + " WHERE so.type = 'SalesOrd' AND so.tranid IN " + SuiteQl.stringList(chunk)
                    + " AND t.type = 'ItemShip' ORDER BY t.id")
            .toList();
        return ErpBatch.of(ShipmentQuery.perOrder(numbers, read(statements)));
    }

    private List<Shipment> read(List<String> statements) {
        List<JsonNode> headers = statements.isEmpty() ? List.of() : reads.query("shipments", statements);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        headers.forEach(header -> byId.put(rows.required(header, "id"), header));
        Map<String, List<ShipmentLine>> lines = lines(byId.keySet());
        List<Shipment> shipments = new ArrayList<>();
        byId.forEach((id, header) -> shipments.add(shipment(header, lines.getOrDefault(id, List.of()))));
        return shipments;
    }

    private Map<String, List<ShipmentLine>> lines(Set<String> fulfillments) {
        Map<String, List<ShipmentLine>> lines = new HashMap<>();
        List<String> statements = SuiteQl.chunks(fulfillments)
            .stream()
            .map(chunk -> "SELECT tl.transaction, tl.linesequencenumber, i.itemid, tl.quantity,"
                    + " so.tranid AS ordernumber, sol.linesequencenumber AS orderline"
                    + " FROM transactionline tl JOIN item i ON i.id = tl.item"
                    + " JOIN previoustransactionlinelink ptll ON ptll.nextdoc = tl.transaction AND ptll.nextline = tl.id"
                    + " JOIN transaction so ON so.id = ptll.previousdoc"
                    + " JOIN transactionline sol ON sol.transaction = ptll.previousdoc AND sol.id = ptll.previousline"
                    + " WHERE tl.transaction IN " + SuiteQl.idList(chunk) + " AND tl.mainline = 'F'"
                    + " ORDER BY tl.transaction, tl.linesequencenumber")
            .toList();
        if (statements.isEmpty()) {
            return lines;
        }
        for (JsonNode line : reads.query("shipments", statements)) {
            String orderLine = rows.text(line, "orderline");
            lines.computeIfAbsent(rows.required(line, "transaction"), key -> new ArrayList<>())
                .add(new ShipmentLine(Integer.parseInt(rows.required(line, "linesequencenumber")),
                        rows.required(line, "itemid"), rows.decimal(line, "quantity").abs(),
                        rows.text(line, "ordernumber"), orderLine == null ? null : Integer.valueOf(orderLine)));
        }
        return lines;
    }

    private Shipment shipment(JsonNode header, List<ShipmentLine> lines) {
        String tracking = rows.text(header, "tracking");
        String carrier = rows.text(header, "carrier");
        return new Shipment(rows.required(header, "id"), rows.required(header, "tranid"),
                rows.required(header, "entity"), rows.date(header, "trandate"),
                "C".equals(rows.required(header, "status")) ? ShipmentStatus.SHIPPED : ShipmentStatus.PENDING,
                carrier == null || carrier.isBlank() ? null : carrier,
                tracking == null || tracking.isBlank() ? null : tracking, lines);
    }

}
