package dev.erpgraph.erp.businesscentral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Posted sales invoices: {@code GET salesInvoices?$filter=(customerNumber eq ...) and
 * (status eq 'Open' or status eq 'Paid') [and invoiceDate ge ...] [and remainingAmount
 * gt 0]}, or by {@code orderNumber} for an order's invoices; one request per URL-length
 * group. Drafts, invoices in review, cancelled and corrective ones are not the customer's
 * debt and are left out. Total = {@code totalAmountIncludingTax} (what the customer is
 * billed), remaining = {@code remainingAmount}, the order = {@code orderNumber} (empty
 * for an invoice entered without an order); currency {@code ""} is the local currency.
 * See {@link BusinessCentralConnector}.
 */
record BusinessCentralInvoices(BusinessCentralReads reads,
        String localCurrency) implements AssembledConnector.InvoiceReads {

    private static final String SELECT = "id,number,customerNumber,orderNumber,invoiceDate,dueDate,"
            + "totalAmountIncludingTax,remainingAmount,currencyCode,status";

    private static final String POSTED = " and (status eq 'Open' or status eq 'Paid')";

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        Set<String> asked = BusinessCentralReads.codes(customerNumbers);
        String condition = POSTED + (query.since() == null ? "" : " and invoiceDate ge " + query.since())
                + (query.onlyUnpaid() ? " and remainingAmount gt 0" : "");
        return ErpBatch.of(query.perCustomer(asked, read("customerNumber", asked, condition)));
    }

    @Override
    public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
        Set<String> asked = BusinessCentralReads.codes(orderNumbers);
        return ErpBatch.of(InvoiceQuery.perOrder(asked, read("orderNumber", asked, POSTED)));
    }

    private List<Invoice> read(String keyField, Set<String> keys, String condition) {
        List<Invoice> invoices = new ArrayList<>();
        if (keys.isEmpty()) {
            return invoices;
        }
        Function<String, String> path = filter -> reads.client()
            .api("salesInvoices?$filter=" + QueryStrings.encode(filter + condition) + "&$select="
                    + QueryStrings.encode(SELECT));
        for (JsonNode row : reads.getAll("invoices", reads.paths(keyField, keys, path))) {
            invoices.add(invoice(row));
        }
        return invoices;
    }

    private Invoice invoice(JsonNode row) {
        String systemId = reads.systemId();
        String currency = BusinessCentralOrders.currency(BusinessCentralFields.text(row, "currencyCode"),
                localCurrency);
        String order = BusinessCentralFields.text(row, "orderNumber");
        LocalDate invoiceDate = BusinessCentralFields.date(row, "invoiceDate", systemId);
        if (invoiceDate == null) {
            throw ErpException.badResponse(systemId, "sales invoice without invoiceDate", null);
        }
        return new Invoice(BusinessCentralFields.requiredText(row, "id", systemId),
                BusinessCentralFields.requiredText(row, "number", systemId),
                BusinessCentralFields.requiredText(row, "customerNumber", systemId),
                order == null || order.isEmpty() ? null : order, invoiceDate,
                BusinessCentralFields.date(row, "dueDate", systemId),
                new Money(BusinessCentralFields.requiredDecimal(row, "totalAmountIncludingTax", systemId), currency),
                new Money(BusinessCentralFields.requiredDecimal(row, "remainingAmount", systemId), currency));
    }

}
