package dev.erpgraph.erp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

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
     * The value of each key from what the ERP answered for it, key by key: an
     * {@link ErpException} while reading one key's rows (a field that does not read)
     * fails that key alone, and the others keep their values.
     */
    public static <K, I, V> ErpBatch<K, V> eachKey(Map<K, I> answers,
            BiFunction<? super K, ? super I, ? extends V> value) {
        Map<K, V> values = new HashMap<>();
        Map<K, ErpException> failures = new HashMap<>();
        answers.forEach((key, answer) -> {
            try {
                values.put(key, value.apply(key, answer));
            }
            catch (ErpException ex) {
                failures.put(key, ex);
            }
        });
        return new ErpBatch<>(values, failures);
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
