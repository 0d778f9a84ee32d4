package dev.erpgraph.erp.p21;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import tools.jackson.databind.JsonNode;

/**
 * Credit per customer from {@code customer}: limit, limit used and the hold column. See
 * {@link P21Connector}.
 */
record P21Credit(P21Reads reads, P21Options options, P21Mapping mapping) {

    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        Map<Long, List<String>> keysById = P21Reads.numericKeys(customerNumbers);
        if (keysById.isEmpty()) {
            return ErpBatch.of(Map.of());
        }
        Map<String, CreditStatus> values = new HashMap<>();
        for (JsonNode row : reads.read("credit", "customer", P21Reads.terms("customer_id", keysById.keySet()), null,
                "customer_id,credit_limit,credit_limit_used," + options.creditHoldColumn() + ",terms_id",
                "customer_id")) {
            CreditStatus credit = mapping.credit(row);
            keysById.getOrDefault(row.path("customer_id").asLong(), List.of()).forEach(key -> values.put(key, credit));
        }
        return ErpBatch.of(values);
    }

}
