package dev.erpgraph.erp.sxe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.ErpException;
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
                batch.value(customer, SxeResponses.credit(limit, balances.get(customer), options));
            }
            catch (RuntimeException ex) {
                batch.failure(customer, ErpException.badResponse(api.systemId(),
                        "unreadable credit of customer " + customer + ": " + ex.getMessage(), ex));
            }
        });
        return SxeFanOut.failWhole(batch.build());
    }

    private record CreditCall(String customer, boolean limits) {
    }

}
