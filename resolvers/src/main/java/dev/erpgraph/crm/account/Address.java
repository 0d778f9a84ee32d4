package dev.erpgraph.crm.account;

/**
 * A postal address, stored as embedded columns ({@code billing_*}, {@code shipping_*}) of
 * its account. It is also the {@code AddressInput} of the mutations: the shapes are the
 * same.
 */
public record Address(String street, String city, String region, String postalCode, String country) {
}
