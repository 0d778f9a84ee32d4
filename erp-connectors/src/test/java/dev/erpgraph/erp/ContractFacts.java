package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@link ConnectorContractTest} needs to know of one ERP's sandbox data, as that
 * ERP answers it: the only data-set facts the shared scenarios use, supplied by each
 * ERP's contract test so that the shared scenarios never reach into a sandbox's
 * internals.
 *
 * @param customerWithOrders a customer with at least three orders
 * @param itsOrders that customer's orders newest first, exactly as this ERP should answer
 * them (only the fields a scenario compares are read: number, customer, status, dates,
 * total and the lines' sku, quantities, prices, amounts)
 * @param knownCustomers five other customers the ERP knows
 * @param unknownCustomer a well-formed customer number the ERP does not know
 * @param paging how to make this ERP's order reads cross a page
 * @param stock expected stock of a few skus in every warehouse that stocks them
 * @param prices a customer's prices of one item with quantity breaks
 * @param credit expected credit of a few customers, at least one on hold and one not
 * @param order a sales order this ERP accepts
 */
public record ContractFacts(String customerWithOrders, List<SalesOrder> itsOrders, Set<String> knownCustomers,
        String unknownCustomer, Paging paging, Map<String, List<StockLevel>> stock, Prices prices,
        Map<String, CreditStatus> credit, SalesOrderRequest order) {

    /**
     * Connector options that shrink this ERP's pages to {@code pageSize} order rows (or
     * leave them at the server's own page size), and customers whose orders fill more
     * than one such page.
     */
    public record Paging(Map<String, String> options, int pageSize, Set<String> customers) {
    }

    /**
     * @param customerNumber who is asking
     * @param sku an item with quantity breaks
     * @param listPrice the item's list price
     * @param breakMinimums the quantities from which a break applies, as this ERP lists
     * them (some list the first quantity, 1, as a break of its own)
     * @param unitPrices the customer's unit price at some quantities: below, at and above
     * the breaks
     */
    public record Prices(String customerNumber, String sku, Money listPrice, List<BigDecimal> breakMinimums,
            Map<BigDecimal, Money> unitPrices) {
    }

}
