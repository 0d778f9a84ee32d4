package dev.erpgraph.sandbox.netsuite;

import java.util.HashMap;
import java.util.Map;

import dev.erpgraph.sandbox.netsuite.SuiteQlExecutor.Kind;

/**
 * The columns of the NetSuite sandbox's SuiteQL tables ({@link NetSuiteSandboxTables})
 * and what each holds: a column not listed is an unknown column, as in NetSuite.
 */
final class NetSuiteSandboxColumns {

    static final Map<String, Map<String, Kind>> COLUMNS = Map.of("transaction",
            kinds("tranid type status otherrefnum externalid linkedtrackingnumbers",
                    "id entity currency foreigntotal foreignamountremaining createdfrom shipmethod",
                    "trandate shipdate duedate"),
            "transactionline",
            kinds("mainline memo",
                    "id transaction linesequencenumber item quantity quantityshiprecv rate netamount location", ""),
            "item", kinds("itemid displayname itemtype isinactive", "id", ""), "location",
            kinds("name fullname isinactive", "id", ""), "currency", kinds("symbol name", "id", ""),
            "inventoryitemlocations",
            kinds("",
                    "item location quantityonhand quantityavailable quantitycommitted"
                            + " quantityonorder quantitybackordered",
                    ""),
            "pricing", kinds("", "item pricelevel currency quantity unitprice", ""), "pricingwithcustomers",
            kinds("saleunit", "customer item pricelevel currency quantity unitprice", ""), "customer",
            kinds("entityid companyname oncredithold creditholdoverride", "id creditlimit balancesearch terms currency",
                    ""),
            "previoustransactionlinelink", kinds("linktype", "previousdoc previousline nextdoc nextline", ""));

    /**
     * Columns by kind: the names of text, number and date columns, each list separated by
     * spaces.
     */
    private static Map<String, Kind> kinds(String text, String number, String date) {
        Map<String, Kind> kinds = new HashMap<>();
        Map.of(Kind.TEXT, text, Kind.NUMBER, number, Kind.DATE, date).forEach((kind, names) -> {
            for (String name : names.split(" ")) {
                if (!name.isEmpty()) {
                    kinds.put(name, kind);
                }
            }
        });
        return Map.copyOf(kinds);
    }

    private NetSuiteSandboxColumns() {
    }

}
