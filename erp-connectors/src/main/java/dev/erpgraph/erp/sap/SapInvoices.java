package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.Money;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.amount;
import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.optionalText;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Billing documents ({@code API_BILLING_DOCUMENT_SRV/A_BillingDocument?$expand=to_Item},
 * not cancelled, by {@code SoldToParty}; per sales order, first the
 * {@code A_BillingDocumentItem}s by {@code SalesDocument}) and what is still owed on
 * them, which SD does not know: Financial Accounting's customer items
 * ({@code API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube}, one read by
 * {@code DocumentReferenceID} = the billing documents found). Remaining = the sum of the
 * uncleared items ({@code ClearingAccountingDocument} empty), so a residual item after a
 * part payment counts; the due date is the items' {@code NetDueDate}. The order of an
 * invoice is its first item's {@code SalesDocument}. See {@link SapConnector}.
 */
record SapInvoices(SapReads reads) implements AssembledConnector.InvoiceReads {

    static final String BILLING_SERVICE = "API_BILLING_DOCUMENT_SRV";

    static final String DOCUMENTS = BILLING_SERVICE + "/A_BillingDocument";

    static final String ITEMS = BILLING_SERVICE + "/A_BillingDocumentItem";

    static final String RECEIVABLES = "API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube";

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(customerNumbers);
        List<String> extra = new ArrayList<>();
        if (query.since() != null) {
            extra.add("BillingDocumentDate ge " + SapODataValues.dateTimeLiteral(query.since()));
        }
        Map<String, List<Invoice>> byCustomer = query.perCustomer(requested.keySet(),
                read("SoldToParty", requested.keySet(), extra));
        return ErpBatch.of(SapReads.asRequested(requested, byCustomer));
    }

    @Override
    public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(orderNumbers);
        Set<String> documents = new LinkedHashSet<>();
        if (!requested.isEmpty()) {
            for (JsonNode item : reads.readChunked("invoices", ITEMS, "$select=BillingDocument,SalesDocument",
                    requested.keySet(), chunk -> SapODataFilter.anyOf("SalesDocument", chunk))) {
                documents.add(reads.parse(item, row -> text(row, "BillingDocument")));
            }
        }
        Map<String, List<Invoice>> byOrder = InvoiceQuery.perOrder(requested.keySet(),
                read("BillingDocument", documents, List.of()));
        return ErpBatch.of(SapReads.asRequested(requested, byOrder));
    }

    private List<Invoice> read(String keyField, Set<String> keys, List<String> extra) {
        List<Invoice> invoices = new ArrayList<>();
        if (keys.isEmpty()) {
            return invoices;
        }
        String suffix = " and BillingDocumentIsCancelled eq false"
                + (extra.isEmpty() ? "" : " and " + String.join(" and ", extra));
        List<JsonNode> documents = reads.readChunked("invoices", DOCUMENTS, "$expand=to_Item", keys,
                chunk -> "(" + SapODataFilter.anyOf(keyField, chunk) + ")" + suffix);
        if (documents.isEmpty()) {
            return invoices;
        }
        Set<String> numbers = new LinkedHashSet<>();
        documents.forEach(row -> numbers.add(reads.parse(row, document -> text(document, "BillingDocument"))));
        Map<String, Receivable> receivables = receivables(numbers);
        for (JsonNode row : documents) {
            invoices.add(reads.parse(row, document -> invoice(document, receivables)));
        }
        return invoices;
    }

    /** What is open, and when it is due, per billing document. */
    private Map<String, Receivable> receivables(Set<String> billingDocuments) {
        Map<String, Receivable> receivables = new HashMap<>();
        for (JsonNode row : reads.readChunked("invoices", RECEIVABLES, "", billingDocuments,
                chunk -> "FinancialAccountType eq 'D' and (" + SapODataFilter.anyOf("DocumentReferenceID", chunk)
                        + ")")) {
            reads.parse(row, item -> {
                String reference = text(item, "DocumentReferenceID");
                String clearing = optionalText(item, "ClearingAccountingDocument");
                BigDecimal open = clearing == null || clearing.isEmpty() ? decimal(item, "AmountInTransactionCurrency")
                        : BigDecimal.ZERO;
                String due = optionalText(item, "NetDueDate");
                receivables.merge(reference, new Receivable(open, due == null ? null : SapODataValues.parseDate(due)),
                        (a, b) -> new Receivable(a.open().add(b.open()), a.due() != null ? a.due() : b.due()));
                return reference;
            });
        }
        return receivables;
    }

    private static Invoice invoice(JsonNode row, Map<String, Receivable> receivables) {
        String number = text(row, "BillingDocument");
        String currency = text(row, "TransactionCurrency");
        BigDecimal total = decimal(row, "TotalNetAmount");
        String tax = optionalText(row, "TotalTaxAmount");
        if (tax != null) {
            total = total.add(SapODataValues.parseDecimal(tax));
        }
        String order = null;
        for (JsonNode item : row.path("to_Item").path("results").values()) {
            String salesDocument = optionalText(item, "SalesDocument");
            if (salesDocument != null && !salesDocument.isEmpty()) {
                order = salesDocument;
                break;
            }
        }
        Receivable receivable = receivables.getOrDefault(number, new Receivable(BigDecimal.ZERO, null));
        return new Invoice(number, number, text(row, "SoldToParty"), order,
                SapODataValues.parseDate(text(row, "BillingDocumentDate")), receivable.due(),
                new Money(amount(total), currency), new Money(amount(receivable.open()), currency));
    }

    private record Receivable(BigDecimal open, LocalDate due) {
    }

}
