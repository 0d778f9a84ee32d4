package dev.erpgraph.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code sandbox.*}: how the sandbox ERPs behave, embedded in the demo
 * or run alone.
 *
 * @param latencyMs each answer's time, the sandbox's own work included, as a real ERP's
 * latency is; the admin API changes it at run time; tests set 0
 * @param latencyJitterMs up to this much more, at random (30 + 50: a realistic 30 to 80
 * ms)
 * @param seed seed of the deterministic data set (each sandbox derives its own from it)
 * @param events where and how the change notifications of {@code _admin/changes} are sent
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("30") @PositiveOrZero long latencyMs,
        @DefaultValue("50") @PositiveOrZero long latencyJitterMs, @DefaultValue("20261101") long seed,
        @Valid @NotNull @DefaultValue Events events) {

    /**
     * @param applicationUrl the application that reads these sandboxes (its
     * {@code /erp-events/<id>} receives the notifications); empty: this server itself,
     * the embedded demo
     * @param secret the events secret the application has configured for every sandbox
     * system ({@code erp.systems.<id>.events.secret}): BC's clientState, SAP's webhook
     * password, the HMAC key of signed events
     */
    public record Events(@DefaultValue("") String applicationUrl,
            @NotBlank @DefaultValue("erp-graph-demo-events-secret") String secret) {

        @Override
        public String toString() {
            return "Events[applicationUrl=" + applicationUrl + ", secret=***]";
        }
    }

}
