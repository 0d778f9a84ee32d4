package dev.erpgraph.erpsystems;

/** The schema's {@code ErpCustomerLink}; {@code erpSystem} is resolved from the id. */
public record ErpCustomerLinkView(String erpSystemId, String customerNumber) {
}
