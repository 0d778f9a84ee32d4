package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the {@link ConnectorContractTest} needs to know of one customer's shipments and
 * invoices in one ERP's sandbox, in the terms every ERP shares: the orders they belong to
 * (numbered as this ERP numbers orders), their dates and amounts. Document numbers are
 * each ERP's own and are not compared; what they ship or bill is.
 *
 * @param customerNumber a customer with at least three shipments and two invoices, some
 * paid and some not
 * @param shipments its shipments, newest first
 * @param invoices its invoices, newest first
 * @param unshippedOrder an order of that customer with nothing shipped
 * @param asOf the data set's day, on which the expected statuses hold
 */
public record DocumentFacts(String customerNumber, List<ExpectedShipment> shipments, List<ExpectedInvoice> invoices,
        String unshippedOrder, LocalDate asOf) {

    /**
     * @param lines per shipped line: the sku and the quantity shipped
     */
    public record ExpectedShipment(String orderNumber, LocalDate shipDate, ShipmentStatus status,
            List<ExpectedLine> lines) {
    }

    public record ExpectedLine(String sku, BigDecimal quantity) {
    }

    public record ExpectedInvoice(String orderNumber, LocalDate invoiceDate, LocalDate dueDate, BigDecimal total,
            BigDecimal remaining) {
    }

}
