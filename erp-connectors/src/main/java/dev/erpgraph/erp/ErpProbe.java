package dev.erpgraph.erp;

import java.util.Objects;

/**
 * One endpoint a connector will use, and the cheapest request its ERP's API offers to
 * show that it is there ({@code $top=0}, a SuiteQL statement that returns no row, an
 * operation called for a key that cannot exist): the connector self-check runs it at
 * start-up and on demand. The request answers nothing and throws the {@link ErpException}
 * any read of that endpoint would ({@code MISCONFIGURED} when the endpoint does not
 * exist, {@code UNAUTHORIZED}, {@code UNAVAILABLE}, ...).
 *
 * @param resource the ERP's own name of the endpoint (an entity set with its service, a
 * table, a view, an operation), as its administrator would look it up
 * @param option the {@code erp.systems.<id>.options.*} key that names it, or null when no
 * option does
 * @param request sends the probe
 */
public record ErpProbe(String resource, String option, Runnable request) {

    public ErpProbe {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(request, "request");
    }

}
