package dev.erpgraph.ordersubmission;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How won opportunities are sent to their ERPs (see {@link OrderSubmissionWorker}).
 *
 * @param workerEnabled whether this process sends pending submissions; every replica may,
 * the lease keeps them from sending one twice at once
 * @param pollInterval how often the worker looks for due submissions when nothing woke it
 * @param lease how long a worker holds a submission it took; another takes it after that
 * (a process that died). Must exceed the longest ERP call, or two workers could both be
 * mid-create
 * @param batchSize the most submissions one poll takes
 * @param concurrency how many submissions a worker sends at once
 * @param maxAttempts attempts before a submission that fails transiently becomes
 * {@code FAILED}
 * @param initialBackoff the wait before the second attempt; doubled for each further one
 * @param maxBackoff the longest wait between two attempts
 */
@Validated
@ConfigurationProperties("graph.order-submission")
public record OrderSubmissionProperties(@DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("30s") @NotNull Duration lease,
        @DefaultValue("20") @Min(1) @Max(1000) int batchSize, @DefaultValue("4") @Min(1) @Max(64) int concurrency,
        @DefaultValue("8") @Min(1) @Max(100) int maxAttempts, @DefaultValue("2s") @NotNull Duration initialBackoff,
        @DefaultValue("5m") @NotNull Duration maxBackoff) {

    /** The wait before the attempt after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

}
