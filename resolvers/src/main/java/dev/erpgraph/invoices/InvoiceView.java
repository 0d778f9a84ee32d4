package dev.erpgraph.invoices;

import java.time.LocalDate;
import java.util.Comparator;

import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceStatus;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.gateway.Freshness;

/**
 * The schema's {@code Invoice}: a normalized ERP invoice with the ERP system it lives in,
 * its status on the day it was asked for, and its freshness.
 */
public record InvoiceView(String id, String number, String erpSystemId, String orderNumber, LocalDate invoiceDate,
        LocalDate dueDate, Money total, Money amountRemaining, InvoiceStatus status, Freshness freshness) {

    /** Newest first across ERPs; the number breaks ties so that the order is stable. */
    static final Comparator<InvoiceView> NEWEST_FIRST = Comparator.comparing(InvoiceView::invoiceDate)
        .thenComparing(InvoiceView::number)
        .reversed();

    static InvoiceView of(Invoice invoice, LocalDate today, Freshness freshness) {
        return new InvoiceView(invoice.id(), invoice.number(), freshness.erpSystemId(), invoice.orderNumber(),
                invoice.invoiceDate(), invoice.dueDate(), invoice.total(), invoice.amountRemaining(),
                invoice.status(today), freshness);
    }
}
