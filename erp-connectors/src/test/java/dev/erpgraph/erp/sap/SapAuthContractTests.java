package dev.erpgraph.erp.sap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.MutableClock;
import dev.erpgraph.erp.OrderQuery;
import dev.erpgraph.erp.SandboxServerTests;
import dev.erpgraph.erp.config.ErpAuthProperties;
import dev.erpgraph.sandbox.sap.SapSandboxErp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Basic and OAuth2 client-credentials auth against the SAP sandbox, including token
 * expiry and refresh.
 */
class SapAuthContractTests extends SandboxServerTests {

    private static final String CUSTOMER = "17100001";

    private SapConnector connector(ErpAuthProperties auth, Clock clock) {
        return new SapConnector(connectorSettings("sap", auth, 4, Map.of()), connectorHttp("sap"), clock);
    }

    private static ErpAuthProperties oauth() {
        return new ErpAuthProperties("/oauth/token", SapSandboxErp.CLIENT_ID, SapSandboxErp.CLIENT_SECRET, null, null,
                null);
    }

    private long tokenRequests() {
        return sandbox("sap").stats().snapshot().byResource().getOrDefault("token", 0L);
    }

    @Test
    void aBearerTokenIsFetchedOnceAndReused() {
        SapConnector sap = connector(oauth(), Clock.systemUTC());

        sap.credit(Set.of(CUSTOMER));
        sap.orders(Set.of(CUSTOMER), OrderQuery.latest(3));

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
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
        SapConnector sap = connector(oauth(), clock);
        sap.credit(Set.of(CUSTOMER));
        clock.advance(Duration.ofSeconds(3600 - 29));

        sap.credit(Set.of(CUSTOMER));

        assertThat(tokenRequests()).isEqualTo(2L);
        assertThat(sandbox("sap").stats().snapshot().byResource().get("credit")).isEqualTo(4L);
    }

    @Test
    void aRefusedClientIsUnauthorizedWithTheTokenEndpointsMessage() {
        SapConnector sap = connector(new ErpAuthProperties("/oauth/token", "someone", "wrong", null, null, null),
                Clock.systemUTC());

        assertThatThrownBy(() -> sap.credit(Set.of(CUSTOMER))).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAUTHORIZED);
            assertThat(ex.erpMessage()).isEqualTo("Bad credentials");
        });
    }

    @Test
    void aWrongCommunicationUserPasswordIsUnauthorizedWithSapsLogonMessage() {
        SapConnector sap = connector(new ErpAuthProperties(null, null, null, SapSandboxErp.USER, "wrong", null),
                Clock.systemUTC());

        assertThatThrownBy(() -> sap.credit(Set.of(CUSTOMER))).isInstanceOfSatisfying(ErpException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ErpException.Kind.UNAUTHORIZED);
            assertThat(ex.erpMessage()).isEqualTo("Logon failed: user or password is not correct");
        });
        assertThat(tokenRequests()).isZero();
    }

}
