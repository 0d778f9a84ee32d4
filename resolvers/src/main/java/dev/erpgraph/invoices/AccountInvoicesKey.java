package dev.erpgraph.invoices;

import dev.erpgraph.erp.InvoiceQuery;

/**
 * One {@code Account.invoices} field: the account and the field's arguments. Fields with
 * different arguments still batch: the loader makes one gateway call per distinct query.
 */
record AccountInvoicesKey(long accountId, InvoiceQuery query) {
}
