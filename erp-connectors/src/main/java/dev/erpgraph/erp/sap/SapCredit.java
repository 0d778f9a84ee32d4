package dev.erpgraph.erp.sap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Money;
import tools.jackson.databind.JsonNode;

import static dev.erpgraph.erp.sap.SapReads.amount;
import static dev.erpgraph.erp.sap.SapReads.decimal;
import static dev.erpgraph.erp.sap.SapReads.text;

/**
 * Credit per business partner: one read of the credit accounts (limit, hold) in the
 * configured segment, and beside it one of the partners' exposure in that segment.
 * Balance = exposure (zero without an exposure row); available = limit - balance; payment
 * terms are not in these entities. See {@link SapConnector}.
 */
record SapCredit(SapReads reads, SapOptions options) {

    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<String, List<String>> requested = SapReads.canonicalKeys(customerNumbers);
        if (requested.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        String segment = " and " + SapODataFilter.eq("CreditSegment", options.creditSegment());
        Function<List<String>, String> filter = chunk -> SapODataFilter.anyOf("BusinessPartner", chunk) + segment;
        // Both keyed by partner and segment, neither needs the other's answer: sent side
        // by side, one round trip.
        List<String> accountQueries = reads.chunkedQueries(options.creditAccountPath(), "", requested.keySet(), filter);
        List<String> exposureQueries = reads.chunkedQueries(options.creditExposurePath(), "", requested.keySet(),
                filter);
        List<Supplier<List<JsonNode>>> requests = new ArrayList<>();
        accountQueries
            .forEach(query -> requests.add(() -> reads.odata().readAll("credit", options.creditAccountPath(), query)));
        exposureQueries
            .forEach(query -> requests.add(() -> reads.odata().readAll("credit", options.creditExposurePath(), query)));
        List<List<JsonNode>> answers = reads.fanOut().all(requests);
        Map<String, JsonNode> accounts = new HashMap<>();
        answers.subList(0, accountQueries.size())
            .forEach(rows -> rows
                .forEach(row -> accounts.put(reads.parse(row, node -> text(node, "BusinessPartner")), row)));
        Map<String, BigDecimal> exposure = new HashMap<>();
        String exposureField = options.creditExposureAmountField();
        answers.subList(accountQueries.size(), answers.size())
            .forEach(rows -> rows.forEach(row -> reads.parse(row, node -> exposure.merge(text(node, "BusinessPartner"),
                    decimal(node, exposureField), BigDecimal::add))));
        Map<String, CreditStatus> values = new HashMap<>();
        accounts.forEach((partner, row) -> {
            CreditStatus status = reads.parse(row, node -> {
                String currency = text(node, "CreditSegmentCurrency");
                Money limit = new Money(amount(decimal(node, "CreditLimitAmount")), currency);
                Money balance = new Money(amount(exposure.getOrDefault(partner, BigDecimal.ZERO)), currency);
                return new CreditStatus(limit, balance, limit.minus(balance),
                        node.path("CreditAccountIsBlocked").asBoolean(false), null);
            });
            requested.getOrDefault(partner, List.of()).forEach(key -> values.put(key, status));
        });
        return ErpBatch.of(values);
    }

}
