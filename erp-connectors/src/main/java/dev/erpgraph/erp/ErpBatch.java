package dev.erpgraph.erp;

import java.util.HashMap;
import java.util.Map;

/**
 * What a batched connector call answers: a value per key it found, a failure per key that
 * failed on its own (one customer the ERP rejects must not fail the rest). A key in
 * neither map is unknown to the ERP. A failure of the whole call is thrown as
 * {@link ErpException} instead.
 */
public record ErpBatch<K, V>(Map<K, V> values, Map<K, ErpException> failures) {

    public ErpBatch {
        values = Map.copyOf(values);
        failures = Map.copyOf(failures);
    }

    public static <K, V> ErpBatch<K, V> of(Map<K, V> values) {
        return new ErpBatch<>(values, Map.of());
    }

    /**
     * Collects values and per-key failures; for connectors that fan out or read keys one
     * by one.
     */
    public static final class Builder<K, V> {

        private final Map<K, V> values = new HashMap<>();

        private final Map<K, ErpException> failures = new HashMap<>();

        public synchronized Builder<K, V> value(K key, V value) {
            values.put(key, value);
            return this;
        }

        public synchronized Builder<K, V> failure(K key, ErpException failure) {
            failures.put(key, failure);
            return this;
        }

        public synchronized ErpBatch<K, V> build() {
            return new ErpBatch<>(values, failures);
        }

    }
}
