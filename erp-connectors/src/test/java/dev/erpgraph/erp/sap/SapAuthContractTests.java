package dev.erpgraph.erp.sap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ConnectorSettings;
import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.ErpKind;
import dev.erpgraph.erp.SandboxServerTests;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.erp.http.ErpHttpClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Basic and OAuth2 client-credentials auth against the SAP sandbox, including token expiry and refresh. */
class SapAuthContractTests extends SandboxServerTests {

    private static final String CUSTOMER = "17100001";

    /** A clock the test moves forward: token expiry without sleeping. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private SapConnector connector(ErpAuthProperties auth, Clock clock) {
        ConnectorSettings settings = new ConnectorSettings("sap", ErpKind.SAP_S4HANA, null, auth,
                Duration.ofSeconds(5), 4, Map.of());
        return new SapConnector(settings, new ErpHttpClient("sap", () -> "http://127.0.0.1:" + port + "/sandbox/sap",
                Duration.ofSeconds(5), new SimpleMeterRegistry()), clock);
    }

    private static ErpAuthProperties oauth() {
        return new ErpAuthProperties("/oauth/token", SapSandboxErp.CLIENT_ID, SapSandboxErp.CLIENT_SECRET, null,
                null, null);
    }

    private long tokenRequests() {
        return sandbox("sap").stats().snapshot().byResource().getOrDefault("token", 0L);
    }

    @Test
    void aBearerTokenIsFetchedOnceAndReused() {
        SapConnector sap = connector(oauth(), Clock.systemUTC());

        sap.credit(Set.of(CUSTOMER));
        sap.orders(Set.of(CUSTOMER), dev.erpgraph.erp.OrderQuery.latest(3));

        assertThat(tokenRequests()).isEqualTo(1L);
    }

    @Test
    void aRevokedTokenIsReplacedOnceAfterThe401() {
        SapConnector sap = connector(oauth(), Clock.systemUTC());
        sap.credit(Set.of(CUSTOMER));
        http().post().uri("/sandbox/sap/_admin/tokens/revoke").retrieve().toBodilessEntity();

        assertThat(sap.credit(Set.of(CUSTOMER)).values()).containsKey(CUSTOMER);

        assertThat(tokenRequests()).isEqualTo(2L);
    }

    @Test
    void aTokenIsRefreshedShortlyBeforeItExpires() {
        MovableClock clock = new MovableClock();
        SapConnector sap = connector(oauth(), clock);
        sap.credit(Set.of(CUSTOMER));
        clock.advance(Duration.ofSeconds(3600 - 29));

        sap.credit(Set.of(CUSTOMER));

        assertThat(tokenRequests()).isEqualTo(2L);
        assertThat(sandbox("sap").stats().snapshot().byResource().get("credit")).isEqualTo(4L);
    }

    @Test
    void aRefusedClientIsUnavailableWithTheTokenEndpointsMessage() {
        SapConnector sap = connector(new ErpAuthProperties("/oauth/token", "someone", "wrong", null, null, null),
                Clock.systemUTC());

        assertThatThrownBy(() -> sap.credit(Set.of(CUSTOMER))).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
            assertThat(ex.erpMessage()).isEqualTo("Bad credentials");
        });
    }

    @Test
    void aWrongCommunicationUserPasswordIsUnavailableWithSapsLogonMessage() {
        SapConnector sap = connector(new ErpAuthProperties(null, null, null, SapSandboxErp.USER, "wrong", null),
                Clock.systemUTC());

        assertThatThrownBy(() -> sap.credit(Set.of(CUSTOMER))).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAVAILABLE);
            assertThat(ex.erpMessage()).isEqualTo("Logon failed: user or password is not correct");
        });
        assertThat(tokenRequests()).isZero();
    }
}
