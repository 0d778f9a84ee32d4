package dev.erpgraph.audit;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the access log is written (see {@link AccessLogWriter}).
 *
 * @param queueCapacity how many entries may wait for the writer; a full queue makes
 * requests wait (up to {@code enqueueTimeout}) rather than lose entries
 * @param batchSize the most entries one JDBC batch inserts
 * @param flushInterval how long an entry may wait for its batch to fill up
 * @param enqueueTimeout how long a request waits for room in a full queue before it
 * writes its entries itself
 * @param shutdownTimeout how long a shutdown waits for the writer to write what is queued
 */
@Validated
@ConfigurationProperties("graph.audit")
public record AuditProperties(@DefaultValue("10000") @Min(1) int queueCapacity,
        @DefaultValue("500") @Min(1) @Max(10000) int batchSize, @DefaultValue("200ms") @NotNull Duration flushInterval,
        @DefaultValue("1s") @NotNull Duration enqueueTimeout, @DefaultValue("30s") @NotNull Duration shutdownTimeout) {

    /** The defaults, for a writer built outside Spring (tests). */
    public static AuditProperties defaults() {
        return new AuditProperties(10000, 500, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

}
