package dev.erpgraph.erp.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A connector's reference read from its ERP on first use and kept for a while (an SX.e
 * company's warehouses, P21's locations): data that changes far less often than it is
 * needed, so that asking for it on every batch would cost a request per batch. Not ERP
 * data served to clients (that goes through the gateway's cache): what a connector needs
 * to read its ERP's answers. A failed read is not kept; the next use reads again.
 *
 * @param <T> what is kept
 */
public final class KeptValue<T> {

    private final Supplier<T> read;

    private final Duration kept;

    private final Clock clock;

    private T value;

    private Instant readAt;

    public KeptValue(Supplier<T> read, Duration kept, Clock clock) {
        this.read = Objects.requireNonNull(read, "read");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The value, read again when it is older than the time it is kept. */
    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || now.isAfter(readAt.plus(kept))) {
            value = Objects.requireNonNull(read.get(), "read value");
            readAt = now;
        }
        return value;
    }

}
