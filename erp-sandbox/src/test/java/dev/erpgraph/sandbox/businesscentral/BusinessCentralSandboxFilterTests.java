package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared OData filter in Business Central's dialect, and BC's five-minute request
 * window.
 */
class BusinessCentralSandboxFilterTests {

    private static final Set<String> PROPERTIES = Set.of("customerNumber", "orderDate", "fullyShipped", "total");

    private static final Map<String, Object> ROW = Map.of("customerNumber", "10000", "orderDate",
            LocalDate.of(2024, 6, 13), "fullyShipped", false, "total", new BigDecimal("10.50"));

    private static FilterExpression parse(String filter, Set<String> properties) {
        Map<String, Class<?>> untyped = new HashMap<>();
        properties.forEach(property -> untyped.put(property, Object.class));
        return ODataFilter.parse(filter, untyped, BusinessCentralFilterDialect.INSTANCE);
    }

    private static boolean test(String filter) {
        return parse(filter, PROPERTIES).test(ROW);
    }

    @Test
    void evaluatesComparisonsAndBooleanOperators() {
        assertThat(test("customerNumber eq '10000'")).isTrue();
        assertThat(test("(customerNumber eq '1' or customerNumber eq '10000') and orderDate ge 2024-06-01")).isTrue();
        assertThat(test("fullyShipped eq true or total gt 10.5")).isFalse();
        assertThat(test("not (total le 10.49)")).isTrue();
    }

    @Test
    void readsDoubledQuotesAsPartOfTheLiteral() {
        assertThat(test("customerNumber eq '1'' or ''1''=''1'")).isFalse();
        assertThat(parse("customerNumber eq 'O''Brien'", PROPERTIES).candidates("customerNumber"))
            .containsExactly("O'Brien");
    }

    @Test
    void anUnescapedHostileKeyWidensTheResultOrIsRefused() {
        assertThat(test("customerNumber eq 'x' or customerNumber ne ''")).as("widened: visible, not hidden").isTrue();
        assertThat(parse("customerNumber eq 'x' or customerNumber ne ''", PROPERTIES).candidates("customerNumber"))
            .as("no key narrowing hides the widening")
            .isNull();
        assertThatThrownBy(() -> test("customerNumber eq '1' or '1'='1'")).isInstanceOf(ODataFilter.Invalid.class);
        assertThatThrownBy(() -> test("customerNumber eq 'x'; drop table")).isInstanceOf(ODataFilter.Invalid.class);
        assertThatThrownBy(() -> test("SoldToParty ne ''"))
            .hasMessageContaining("Could not find a property named 'SoldToParty'");
        assertThatThrownBy(() -> test("customerNumber eq 'open")).isInstanceOf(ODataFilter.Invalid.class);
    }

    @Test
    void narrowsCandidatesOnlyWhereEveryBranchPinsTheKey() {
        var filter = parse("(customerNumber eq '1' or customerNumber eq '2') and fullyShipped eq false", PROPERTIES);
        assertThat(filter.candidates("customerNumber")).containsExactlyInAnyOrder("1", "2");
        assertThat(filter.candidates("orderDate")).isNull();
    }

    @Test
    void judgesAKeyListAsItsComparisonsWouldWhateverTheValue() {
        String keys = "customerNumber eq '1' or '10000' eq customerNumber or customerNumber eq '2'";
        var filter = parse(keys, PROPERTIES);

        assertThat(filter.test(ROW)).isTrue();
        assertThat(filter.test(Map.of("customerNumber", "3"))).isFalse();
        assertThat(filter.test(name -> null)).as("a missing value equals no key").isFalse();
        assertThatThrownBy(() -> filter.test(Map.of("customerNumber", BigDecimal.ONE)))
            .as("a value of another type fails as the first comparison does")
            .hasMessageContaining("incompatible types");
        assertThatThrownBy(() -> test("total eq '1' or total eq '2'")).hasMessageContaining("incompatible types");
        assertThat(test("customerNumber eq '1' or customerNumber eq '2' or total gt 10")).isTrue();
        assertThat(filter.candidates("customerNumber")).containsExactlyInAnyOrder("1", "10000", "2");
    }

    @Test
    void refusesTheRequestBeyondTheWindowAndAdmitsItAgainOnceTheOldestLeaves() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-01T10:00:00Z"));
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        BusinessCentralRateLimit limit = new BusinessCentralRateLimit(3, clock);

        assertThat(limit.acquire()).isNull();
        now.set(now.get().plusSeconds(60));
        assertThat(limit.acquire()).isNull();
        assertThat(limit.acquire()).isNull();
        assertThat(limit.acquire()).isEqualTo(Duration.ofSeconds(240));
        now.set(now.get().plusSeconds(240));
        assertThat(limit.acquire()).isNull();
    }

}
