package dev.erpgraph.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The scopes of API-CONTRACT.md: what a credential allows. A field that needs one is
 * marked {@code @authorized(scope: "...")} in the schema.
 */
public enum Scope {

    CRM_READ("crm:read"), CRM_WRITE("crm:write"), ERP_ORDERS("erp:orders"), ERP_INVENTORY("erp:inventory"),
    ERP_PRICES("erp:prices"), ERP_CREDIT("erp:credit"), ORDERS_SUBMIT("orders:submit"), AUDIT_READ("audit:read"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** As written in a token's {@code scope} claim, e.g. {@code erp:credit}. */
    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

}
