package dev.erpgraph.erp;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer invoice (SAP billing document, NetSuite invoice, Business Central posted
 * sales invoice, P21 invoice, SX.e AR invoice) as every connector normalizes it. Its
 * {@link InvoiceStatus} depends on the day it is looked at: {@link #status(LocalDate)}.
 *
 * @param id the ERP's own key of the document
 * @param number the document number people quote
 * @param orderNumber the sales order invoiced, null where the ERP does not say
 * @param dueDate null where the ERP has none
 * @param amountRemaining what the customer still owes on it (zero once paid)
 */
public record Invoice(String id, String number, String customerNumber, String orderNumber, LocalDate invoiceDate,
        LocalDate dueDate, Money total, Money amountRemaining) {

    public Invoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(invoiceDate, "invoiceDate");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(amountRemaining, "amountRemaining");
    }

    public InvoiceStatus status(LocalDate today) {
        return InvoiceStatus.of(amountRemaining, dueDate, today);
    }
}
