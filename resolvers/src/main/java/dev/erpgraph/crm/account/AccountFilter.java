package dev.erpgraph.crm.account;

/** The {@code AccountFilter} input: every given criterion must match. */
public record AccountFilter(String nameContains, String erpSystemId, String ownerId) {
}
