package dev.erpgraph.erp.netsuite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.CreditStatus;
import dev.erpgraph.erp.ErpBatch;
import tools.jackson.databind.JsonNode;

/**
 * Credit per customer: one statement on {@code customer} (limit, balance, hold, terms); a
 * customer row that does not read fails alone. See {@link NetSuiteConnector}.
 */
record NetSuiteCredit(NetSuiteReads reads) {

    ErpBatch<String, CreditStatus> credit(Set<String> customerNumbers) {
        SuiteQlRows rows = reads.rows();
        List<String> statements = SuiteQl.chunks(NetSuiteReads.internalIds(customerNumbers))
            .stream()
            .map(chunk -> "SELECT c.id, c.creditlimit, c.balancesearch, c.oncredithold, BUILTIN.DF(c.terms) AS terms,"
                    + " cur." + reads.currencyCode() + " AS currency FROM customer c JOIN currency cur"
                    + " ON cur.id = c.currency WHERE c.id IN " + SuiteQl.idList(chunk) + " ORDER BY c.id")
            .toList();
        Map<String, JsonNode> byCustomer = new LinkedHashMap<>();
        for (JsonNode row : reads.query("credit", statements)) {
            String id = rows.required(row, "id");
            if (customerNumbers.contains(id)) {
                byCustomer.put(id, row);
            }
        }
        return ErpBatch.eachKey(byCustomer, (customer, row) -> rows.credit(row));
    }

}
