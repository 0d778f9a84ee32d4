package dev.erpgraph.erp.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * The self-check's finding for one endpoint of one ERP system ({@code ErpResourceCheck}
 * in the API).
 *
 * @param resource the ERP's name of the endpoint (see
 * {@link dev.erpgraph.erp.ErpProbe#resource()})
 * @param status what the probe found
 * @param message for anything but {@link ErpResourceStatus#USABLE}: the ERP's words and
 * what to fix (for {@link ErpResourceStatus#MISSING}, the option to set); null when
 * usable
 * @param option the full property that names the endpoint
 * ({@code erp.systems.<id>.options.<key>}), or null when no option does
 * @param checkedAt when the probe answered
 */
public record ErpResourceCheck(String resource, ErpResourceStatus status, String message, String option,
        Instant checkedAt) {

    public ErpResourceCheck {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public boolean usable() {
        return status == ErpResourceStatus.USABLE;
    }

}
