package dev.erpgraph.erp.sxe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import dev.erpgraph.erp.AssembledConnector;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Invoice;
import dev.erpgraph.erp.InvoiceQuery;
import dev.erpgraph.erp.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AR invoices, one customer (or one order) per call: option {@code operation.invoiceList}
 * (default {@code sxapiargetinvoicelistv2} [I]) with {@code customerNumber} (and
 * {@code startInvoiceDate} for {@code since}, {@code openOnly} for unpaid statuses) or
 * {@code orderNumber}/{@code orderSuffix}, answering {@code tArinvoice.t-arinvoice}
 * ({@code invNo}, {@code invSuf}, {@code custNo}, {@code invDt}, {@code dueDt},
 * {@code amount}, {@code amtDue}, {@code orderNo}, {@code orderSuf}) [I]. Remaining =
 * {@code amtDue}, in the system's currency (option {@code currency}). See
 * {@link SxeConnector}.
 */
record SxeInvoices(SxeClient api, SxeFanOut fanOut, SxeOptions options) implements AssembledConnector.InvoiceReads {

    @Override
    public ErpBatch<String, List<Invoice>> invoices(Set<String> customerNumbers, InvoiceQuery query) {
        Map<String, SxeFanOut.Outcome<List<Invoice>>> outcomes = fanOut
            .each(SxeClient.numericCustomers(customerNumbers), customer -> {
                ObjectNode request = api.request();
                request.put("customerNumber", Long.parseLong(customer));
                if (query.since() != null) {
                    request.put("startInvoiceDate", query.since().toString());
                }
                request.put("openOnly", query.onlyUnpaid());
                return query.perCustomer(Set.of(customer), read("customer " + customer, request)).get(customer);
            });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

    @Override
    public ErpBatch<String, List<Invoice>> byOrder(Set<String> orderNumbers) {
        Map<String, Matcher> valid = new LinkedHashMap<>();
        for (String number : orderNumbers) {
            Matcher matcher = number == null ? null : SxeOrders.ORDER_NUMBER.matcher(number);
            if (matcher != null && matcher.matches()) {
                valid.put(number, matcher);
            }
        }
        Map<String, SxeFanOut.Outcome<List<Invoice>>> outcomes = fanOut.each(valid.keySet(), number -> {
            ObjectNode request = api.request();
            request.put("orderNumber", Long.parseLong(valid.get(number).group(1)));
            request.put("orderSuffix", Integer.parseInt(valid.get(number).group(2)));
            return InvoiceQuery.perOrder(Set.of(number), read("order " + number, request)).get(number);
        });
        return SxeFanOut.failWhole(SxeFanOut.collect(outcomes));
    }

    private List<Invoice> read(String what, ObjectNode request) {
        SxeClient.Answer answer = api.call("invoices", options.operations().invoiceList(), request);
        if (answer.failed()) {
            throw api.businessFailure(what, answer.errorMessage());
        }
        List<Invoice> invoices = new ArrayList<>();
        for (JsonNode row : SxeResponses.table(answer.response(), "tArinvoice", "t-arinvoice")) {
            String number = SxeResponses.orderNumber(row.path("invNo").asLong(), row.path("invSuf").asInt());
            long orderNo = row.path("orderNo").asLong(0);
            String due = row.path("dueDt").asString("");
            BigDecimal amount = SxeResponses.decimal(row, "amount");
            BigDecimal remaining = SxeResponses.decimal(row, "amtDue");
            if (amount == null || remaining == null) {
                throw new IllegalArgumentException("AR invoice " + number + " without amount or amtDue");
            }
            invoices.add(new Invoice(number, number, row.path("custNo").asString(),
                    orderNo > 0 ? SxeResponses.orderNumber(orderNo, row.path("orderSuf").asInt()) : null,
                    LocalDate.parse(row.path("invDt").asString("")), due.isBlank() ? null : LocalDate.parse(due),
                    new Money(amount, options.currency()), new Money(remaining, options.currency())));
        }
        return invoices;
    }

}
