package dev.erpgraph.orders;

import dev.erpgraph.erp.OrderQuery;

/**
 * One {@code Account.orders} field: the account and the field's arguments. Fields with
 * different arguments still batch: the loader makes one gateway call per distinct query.
 */
record AccountOrdersKey(long accountId, OrderQuery query) {
}
