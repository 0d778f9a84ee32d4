package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.Money;
import tools.jackson.databind.JsonNode;

/**
 * Invoices: one statement on {@code transaction} ({@code type = 'CustInvc'}) by customer
 * ({@code entity IN}, {@code trandate} and, for unpaid statuses only,
 * {@code foreignamountremaining > 0} pushed down), or by the sales orders they were
 * created from ({@code so.tranid IN}); the order's number comes from a LEFT JOIN on
 * {@code createdfrom}. Total = {@code foreigntotal}, remaining =
 * {@code foreignamountremaining} (both in the transaction's currency), due =
 * {@code duedate}. See {@link NetSuiteConnector}.
 */
record NetSuiteInvoices(NetSuiteReads reads, SuiteQlRows rows) implements AssembledConnector.InvoiceReads {

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        Set<String> ids = NetSuiteReads.internalIds(customerNumbers);
        String condition = (query.since() == null ? ""
                : " AND t.trandate >= TO_DATE(" + SuiteQl.string(query.since().toString()) + ", 'YYYY-MM-DD')")
                + (query.onlyUnpaid() ? " AND t.foreignamountremaining > 0" : "");
        List<String> statements = SuiteQl.chunks(ids)
            .stream()
            .map(chunk -> select() + " FROM transaction t JOIN currency cur ON cur.id = t.currency"
                    + " LEFT JOIN transaction so ON so.id = t.createdfrom WHERE t.type = 'CustInvc' AND t.entity IN "
                    + SuiteQl.idList(chunk) + condition + " ORDER BY t.id")
            .toList();
        return ErpBatch.of(query.perCustomer(ids, read(statements)));
    }

    @Override
    public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
        Set<String> numbers = NetSuiteReads.quotable(orderNumbers);
        List<String> statements = SuiteQl.chunks(numbers)
            .stream()
            .map(chunk -> select() + " FROM transaction so JOIN transaction t ON t.createdfrom = so.id"
                    + " JOIN currency cur ON cur.id = t.currency WHERE so.type = 'SalesOrd' AND so.tranid IN "
                    + SuiteQl.stringList(chunk) + " AND t.type = 'CustInvc' ORDER BY t.id")
            .toList();
        return ErpBatch.of(InvoiceQuery.perOrder(numbers, read(statements)));
    }

    private String select() {
        return "SELECT t.id, t.tranid, t.entity, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate,"
                + " TO_CHAR(t.duedate, 'YYYY-MM-DD') AS duedate, t.foreigntotal, t.foreignamountremaining,"
                + " so.tranid AS ordernumber, cur." + reads.currencyCode() + " AS currency";
    }

    private List<Invoice> read(List<String> statements) {
        List<Invoice> invoices = new ArrayList<>();
        if (statements.isEmpty()) {
            return invoices;
        }
        for (JsonNode row : reads.query("invoices", statements)) {
            String currency = rows.required(row, "currency");
            invoices
                .add(new Invoice(rows.required(row, "id"), rows.required(row, "tranid"), rows.required(row, "entity"),
                        rows.text(row, "ordernumber"), rows.date(row, "trandate"), rows.optionalDate(row, "duedate"),
                        new Money(SuiteQlRows.amount(rows.decimal(row, "foreigntotal")), currency),
                        new Money(SuiteQlRows.amount(rows.decimal(row, "foreignamountremaining")), currency)));
        }
        return invoices;
    }

}
