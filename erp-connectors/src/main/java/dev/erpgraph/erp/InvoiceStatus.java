package dev.erpgraph.erp;

import java.time.LocalDate;

/**
 * Where an invoice stands, the same for every ERP: derived from what is still owed and
 * the due date, since most ERPs keep "overdue" as a report, not as a status.
 */
public enum InvoiceStatus {

    /** Something is still owed, and it is not due yet. */
    OPEN,
    /** Nothing is owed any more. */
    PAID,
    /** Something is still owed past the due date. */
    OVERDUE;

    /** The status of an invoice with this much remaining and this due date, on a day. */
    public static InvoiceStatus of(Money remaining, LocalDate dueDate, LocalDate today) {
        if (remaining.amount().signum() <= 0) {
            return PAID;
        }
        return dueDate != null && dueDate.isBefore(today) ? OVERDUE : OPEN;
    }

}
