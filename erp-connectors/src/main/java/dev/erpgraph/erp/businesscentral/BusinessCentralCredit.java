package dev.erpgraph.erp.businesscentral;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import dev.erpgraph.erp.Money;
import dev.erpgraph.erp.http.QueryStrings;
import tools.jackson.databind.JsonNode;

/**
 * Credit per customer:
 * {@code customers?$filter=number eq ...&$select=...&$expand=paymentTerm($select=code)}:
 * the navigation is {@code paymentTerm}, singular, in API v2.0's customer resource (a
 * tenant refuses {@code paymentTerms} with 400 "Could not find a property named ...").
 * See {@link BusinessCentralConnector} for how limit, balance and hold are read.
 */
record BusinessCentralCredit(BusinessCentralReads reads, String localCurrency) {

    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Set<String> asked = BusinessCentralReads.codes(customerNumbers);
        if (asked.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Function<String, String> path = filter -> reads.client()
            .api("customers?$filter=" + QueryStrings.encode(filter) + "&$select="
                    + QueryStrings.encode("number,displayName,balanceDue,creditLimit,blocked,currencyCode")
                    + "&$expand=" + QueryStrings.encode("paymentTerm($select=code)"));
        Map<String, CreditStatus> result = new HashMap<>();
        for (JsonNode row : reads.getAll("credit", reads.paths("number", asked, path))) {
            String number = BusinessCentralFields.requiredText(row, "number", reads.systemId());
            if (asked.contains(number)) {
                result.put(number, creditStatus(row, localCurrency, reads.systemId()));
            }
        }
        return ErpBatch.of(result);
    }

    static CreditStatus creditStatus(JsonNode customer, String localCurrency, String erpSystemId) {
        // Both amounts are in LCY in BC ("Credit Limit (LCY)", "Balance Due (LCY)"),
        // whatever the customer's currency.
        Money limit = new Money(BusinessCentralFields.requiredDecimal(customer, "creditLimit", erpSystemId),
                localCurrency);
        Money balance = new Money(BusinessCentralFields.requiredDecimal(customer, "balanceDue", erpSystemId),
                localCurrency);
        JsonNode terms = customer.path("paymentTerm");
        String termsCode = terms.isObject() ? BusinessCentralFields.text(terms, "code") : null;
        return new CreditStatus(limit, balance, limit.minus(balance),
                BusinessCentralOrders.isBlocked(BusinessCentralFields.text(customer, "blocked")),
                termsCode == null || termsCode.isBlank() ? null : termsCode);
    }

}
