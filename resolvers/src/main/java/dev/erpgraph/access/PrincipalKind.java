package dev.erpgraph.access;

/**
 * What kind of caller a principal is: a person in the distributor, a server of the
 * distributor's own, or a partner portal (which sees only its partner's accounts).
 */
public enum PrincipalKind {

    USER, SERVICE, PARTNER

}
