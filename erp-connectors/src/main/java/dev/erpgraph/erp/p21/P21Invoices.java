package dev.erpgraph.erp.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import tools.jackson.databind.JsonNode;

/**
 * Invoices from {@code invoice_hdr}: one read by {@code customer_id}
 * ({@code invoice_date} and, for unpaid statuses only, {@code paid_in_full_flag eq 'N'}
 * pushed down), or by {@code order_no} for an order's invoices. Remaining =
 * {@code total_amount} - {@code amount_paid} (zero once {@code paid_in_full_flag} is
 * {@code Y}), due = {@code net_due_date}, in the system's currency (option
 * {@code currency}). See {@link P21Connector}.
 */
record P21Invoices(P21Reads reads, P21Mapping mapping) implements AssembledConnector.InvoiceReads {

    private static final String SELECT = "invoice_no,order_no,customer_id,invoice_date,net_due_date,total_amount,"
            + "amount_paid,paid_in_full_flag";

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        Map<Long, List<String>> keysById = P21Reads.numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        List<String> conditions = new ArrayList<>();
        if (query.since() != null) {
            conditions.add("invoice_date ge " + P21ODataFilter.literal(query.since()));
        }
        if (query.onlyUnpaid()) {
            conditions.add("paid_in_full_flag eq 'N'");
        }
        List<Invoice> invoices = read(P21Reads.terms("customer_id", keysById.keySet()),
                conditions.isEmpty() ? null : String.join(" and ", conditions));
        Map<String, List<Invoice>> byCustomer = query.perCustomer(P21Reads.idStrings(keysById), invoices);
        return ErpBatch.of(P21Reads.asRequested(keysById, byCustomer));
    }

    @Override
    public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
        List<String> terms = P21ODataFilter.eqTerms("order_no", orderNumbers);
        if (terms.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Set<String> asked = new TreeSet<>();
        orderNumbers.stream().filter(P21ODataFilter::stringKey).forEach(asked::add);
        return ErpBatch.of(InvoiceQuery.perOrder(asked, read(terms, null)));
    }

    private List<Invoice> read(List<String> terms, String condition) {
        List<Invoice> invoices = new ArrayList<>();
        for (JsonNode row : reads.read("invoices", "invoice_hdr", terms, condition, SELECT, "invoice_no")) {
            String number = row.path("invoice_no").asString("");
            LocalDate invoiceDate = mapping.date(row, "invoice_date");
            if (number.isBlank() || invoiceDate == null) {
                throw ErpException.badResponse(mapping.systemId(), "invoice_hdr row without invoice_no or date", null);
            }
            BigDecimal total = mapping.decimal(row, "total_amount");
            BigDecimal remaining = "Y".equalsIgnoreCase(row.path("paid_in_full_flag").asString("")) ? BigDecimal.ZERO
                    : total.subtract(mapping.decimal(row, "amount_paid"));
            String order = row.path("order_no").asString("");
            invoices.add(new Invoice(number, number, row.path("customer_id").asString(), order.isBlank() ? null : order,
                    invoiceDate, mapping.date(row, "net_due_date"), mapping.money(total), mapping.money(remaining)));
        }
        return invoices;
    }

}
