package dev.erpgraph.audit;

/**
 * A kind of an account's data an answer can hold: its CRM record (with its contacts and
 * opportunities), or one kind of its ERP-owned fields. Declared in the order the access
 * log writes them.
 */
public enum AccessedData {

    CRM, ORDERS, INVENTORY, PRICES, CREDIT

}
