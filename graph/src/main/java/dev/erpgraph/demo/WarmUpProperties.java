package dev.erpgraph.demo;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The start-up warm-up of the embedded default (application.yaml,
 * {@code graph.warm-up.*}).
 *
 * @param enabled whether a start serves itself account-360 pages before it reports ready
 * @param pages how many pages it serves at most
 * @param accountsPerPage accounts per page
 * @param concurrency pages in flight at once (they wait on the sandboxes' latency, so two
 * keep both cores busy)
 * @param timeLimit after it no page starts, whatever is left of {@code pages} (readiness
 * waits for the pages in flight)
 * @param startBudget no page starts once the process has been running this long: a slow
 * start (a loaded machine) gets a shorter warm-up, or none, rather than a later readiness
 * @param client the demo client whose token the pages are sent with
 */
@Validated
@ConfigurationProperties("graph.warm-up")
public record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("40") @Positive int pages,
        @DefaultValue("15") @Positive int accountsPerPage, @DefaultValue("2") @Positive int concurrency,
        @DefaultValue("4s") @NotNull Duration timeLimit, @DefaultValue("10s") @NotNull Duration startBudget,
        @DefaultValue("demo-manager") @NotBlank String client) {
}
