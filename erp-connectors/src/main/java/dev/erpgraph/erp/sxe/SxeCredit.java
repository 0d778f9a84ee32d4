package dev.erpgraph.erp.sxe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credit per customer: the credit limits and the balance, two calls per customer in the
 * fan-out; a customer whose calls fail fails alone. See {@link SxeConnector}.
 */
record SxeCredit(SxeClient api, SxeFanOut fanOut, SxeOptions options) {

    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        List<CreditCall> calls = new ArrayList<>();
        for (String customer : SxeClient.numericCustomers(customerNumbers)) {
            calls.add(new CreditCall(customer, true));
            calls.add(new CreditCall(customer, false));
        }
        Map<CreditCall, SxeFanOut.Outcome<JsonNode>> outcomes = fanOut.each(calls, call -> {
            ObjectNode request = api.request();
            request.put("customerNumber", Long.parseLong(call.customer()));
            if (!call.limits()) {
                request.put("shipTo", "");
            }
            SxeClient.Answer answer = call.limits() ? api.call("credit", options.operations().credit(), request)
                    : api.call("credit-balance", options.operations().balance(), request);
            if (answer.failed()) {
                throw api.businessFailure("customer " + call.customer(), answer.errorMessage());
            }
            return answer.response();
        });
        ErpBatch.Builder<String, CreditStatus> batch = new ErpBatch.Builder<>();
        Map<String, JsonNode> limits = new HashMap<>();
        Map<String, JsonNode> balances = new HashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        outcomes.forEach((call, outcome) -> {
            if (outcome.failed()) {
                if (failed.add(call.customer())) {
                    batch.failure(call.customer(), outcome.failure());
                }
            }
            else {
                (call.limits() ? limits : balances).put(call.customer(), outcome.value());
            }
        });
        limits.forEach((customer, limit) -> {
            if (failed.contains(customer)) {
                return;
            }
            try {
                batch.value(customer, creditStatus(limit, balances.get(customer), options));
            }
            catch (RuntimeException ex) {
                batch.failure(customer, ErpException.badResponse(api.systemId(),
                        "unreadable credit of customer " + customer + ": " + ex.getMessage(), ex));
            }
        });
        return SxeFanOut.failWhole(batch.build());
    }

    /**
     * Credit from the two SX.API answers. Balance: the sum of the aging buckets
     * {@code period1..5Balance} and {@code futureBalance} of
     * {@code sxapiargetcustomerbalancev2} (open AR; orders not yet invoiced are not in
     * it). Available: limit less balance. SX.e has no credit-hold boolean; the customer
     * is reported on hold when its {@code sellType} is a no-sell code (option
     * {@code creditHoldSellTypes}, default {@code n}) [I], or when it has a balance aged
     * into or past its {@code holdPeriodCode} (1..5: the aging period from which SX.e
     * holds new orders; 0: no such rule) [I]. Terms: {@code termsType}.
     */
    static CreditStatus creditStatus(JsonNode credit, JsonNode balance, SxeOptions options) {
        String currency = options.currency();
        BigDecimal limit = SxeResponses.requiredDecimal(credit, "creditLimit");
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal[] periods = new BigDecimal[6];
        for (int n = 1; n <= 5; n++) {
            BigDecimal value = SxeResponses.decimal(balance, "period" + n + "Balance");
            periods[n] = value == null ? BigDecimal.ZERO : value;
            total = total.add(periods[n]);
        }
        BigDecimal future = SxeResponses.decimal(balance, "futureBalance");
        total = total.add(future == null ? BigDecimal.ZERO : future);
        String sellType = SxeResponses.text(credit, "sellType");
        boolean noSell = sellType != null
                && options.creditHoldSellTypes().contains(sellType.trim().toLowerCase(Locale.ROOT));
        long holdPeriod = credit.path("holdPeriodCode").asLong(0);
        boolean agedPastHold = false;
        for (int n = (int) Math.max(1, holdPeriod); holdPeriod >= 1 && n <= 5; n++) {
            agedPastHold |= periods[n].signum() > 0;
        }
        String terms = SxeResponses.text(credit, "termsType");
        return new CreditStatus(new Money(limit, currency), new Money(total, currency),
                new Money(limit.subtract(total), currency), noSell || agedPastHold,
                terms == null || terms.isBlank() ? null : terms.trim());
    }

    private record CreditCall(String customer, boolean limits) {
    }

}
