package dev.erpgraph.erp.gateway;

import java.util.Objects;

import dev.erpgraph.erp.ErpException;

/**
 * The gateway's answer for one key: a value with its {@link Freshness}, or the failure of
 * that key alone. A key the ERP does not know is a failure of kind {@code NOT_FOUND}.
 */
public record ErpOutcome<V>(V value, Freshness freshness, ErpException failure) {

    public ErpOutcome {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("an outcome is either a value or a failure");
        }
        if (value != null) {
            Objects.requireNonNull(freshness, "freshness");
        }
    }

    public static <V> ErpOutcome<V> of(V value, Freshness freshness) {
        return new ErpOutcome<>(value, freshness, null);
    }

    public static <V> ErpOutcome<V> failed(ErpException failure) {
        return new ErpOutcome<>(null, null, failure);
    }

    public boolean isSuccess() {
        return failure == null;
    }
}
