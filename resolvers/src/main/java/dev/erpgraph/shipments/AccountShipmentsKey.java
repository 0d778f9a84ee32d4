package dev.erpgraph.shipments;

import dev.erpgraph.erp.ShipmentQuery;

/**
 * One {@code Account.shipments} field: the account and the field's arguments. Fields with
 * different arguments still batch: the loader makes one gateway call per distinct query.
 */
record AccountShipmentsKey(long accountId, ShipmentQuery query) {
}
