package dev.erpgraph.sandbox;

import java.math.BigDecimal;

/**
 * A change to a sandbox's data, as posted to {@code POST /sandbox/{id}/_admin/changes};
 * which fields matter depends on {@code type}:
 * <ul>
 * <li>{@code inventory}: {@code sku}, {@code warehouse}, {@code onHand}</li>
 * <li>{@code credit}: {@code customerNumber} and any of {@code creditLimit},
 * {@code balance}, {@code onHold}</li>
 * <li>{@code order}: {@code orderNumber}, {@code status}</li>
 * <li>{@code price}: {@code sku}, {@code listPrice}</li>
 * </ul>
 * Numbers are the ERP's own (its customer and order numbers).
 */
public record SandboxChange(String type, String sku, String warehouse, BigDecimal onHand, String customerNumber,
        BigDecimal creditLimit, BigDecimal balance, Boolean onHold, String orderNumber, OrderStatus status,
        BigDecimal listPrice) {
}
