package dev.erpgraph.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The orders one sandbox created through its wire API, in the order they were created,
 * each with the reference the ERP keeps in its own field (SAP
 * {@code PurchaseOrderByCustomer}, NetSuite {@code externalId}, Business Central
 * {@code externalDocumentNumber}, P21 {@code web_reference_no}, SX.e the customer PO).
 * The generated history is not in it: this is what a test counts to prove that a client
 * made each order exactly once. Thread-safe.
 */
public final class CreatedOrders {

    /** One create: the data set's order sequence, its reference and when it was made. */
    public record Entry(int sequence, String reference, Instant createdAt) {
    }

    /**
     * A create as {@code GET /sandbox/{id}/_admin/created-orders} answers it, in the
     * ERP's numbering.
     */
    public record View(String orderNumber, String reference, String customerNumber, List<Line> lines,
            String createdAt) {
    }

    public record Line(int lineNumber, String sku, BigDecimal quantity, BigDecimal unitPrice, String warehouse) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private final Clock clock;

    CreatedOrders(Clock clock) {
        this.clock = clock;
    }

    void add(int sequence, String reference) {
        entries.add(new Entry(sequence, reference, clock.instant()));
    }

    /**
     * The reference a create wrote with the order of this sequence, if it was created.
     */
    public Optional<String> reference(int sequence) {
        return entries.stream().filter(entry -> entry.sequence() == sequence).map(Entry::reference).findFirst();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The creates in the sandbox's ERP numbering, oldest first. */
    public List<View> views(Sandbox sandbox) {
        return entries().stream().map(entry -> {
            DistributorDataSet.Order order = sandbox.data().order(entry.sequence()).orElseThrow();
            List<Line> lines = order.lines()
                .stream()
                .map(line -> new Line(line.lineNumber(), line.sku(), line.quantity(), line.unitPrice(),
                        line.warehouse()))
                .toList();
            return new View(sandbox.erp().orderNumber(entry.sequence()), entry.reference(),
                    sandbox.erp().customerNumber(order.customerIndex()), lines, entry.createdAt().toString());
        }).toList();
    }

}
