package dev.erpgraph.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a sales order. Quantities are positive whatever the ERP stores (NetSuite
 * keeps sales lines negative); {@code shippedQuantity} and {@code warehouse} are null
 * where the ERP does not say.
 *
 * @param stock the item's stock in every warehouse, as {@link ErpConnector#stock} would
 * read it for all warehouses, when the order query asked for it embedded
 * ({@link OrderQuery#withLineStock()}) and the connector read it in the same request;
 * null when not read. The gateway moves it into its stock cache and hands the lines on
 * without it.
 */
public record SalesOrderLine(int lineNumber, String sku, String description, BigDecimal quantity,
        BigDecimal shippedQuantity, Money unitPrice, Money amount, String warehouse, List<StockLevel> stock) {

    public SalesOrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        stock = stock == null ? null : List.copyOf(stock);
    }

    /** A line without embedded stock. */
    public SalesOrderLine(int lineNumber, String sku, String description, BigDecimal quantity,
            BigDecimal shippedQuantity, Money unitPrice, Money amount, String warehouse) {
        this(lineNumber, sku, description, quantity, shippedQuantity, unitPrice, amount, warehouse, null);
    }

    /** The same line without its embedded stock. */
    public SalesOrderLine withoutStock() {
        return stock == null ? this : new SalesOrderLine(lineNumber, sku, description, quantity, shippedQuantity,
                unitPrice, amount, warehouse);
    }
}
