package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared OData filter in SAP Gateway's v2 dialect. */
class SapSandboxFilterTests {

    private static FilterExpression parse(String filter, Map<String, Class<?>> types) {
        return ODataFilter.parse(filter, types, SapFilterDialect.INSTANCE);
    }

    @Test
    void theSandboxFilterParsesQuotesAndPrecedenceAndNarrowsHonestly() {
        Map<String, Class<?>> types = Map.of("A", String.class, "B", String.class);
        var filter = parse("A eq 'x''y' or A eq 'z' and B ne 'q'", types);

        assertThat(filter.test(Map.<String, Object>of("A", "x'y", "B", "q")::get)).isTrue();
        assertThat(filter.test(Map.<String, Object>of("A", "z", "B", "q")::get)).isFalse();
        assertThat(filter.candidates("A")).containsExactlyInAnyOrder("x'y", "z");
        assertThat(parse("A eq 'x' or B ne ''", types).candidates("A")).isNull();
        assertThatThrownBy(() -> parse("A eq 'x", types)).isInstanceOf(ODataFilter.Invalid.class);
        assertThatThrownBy(() -> parse("A eq 'x'; drop", types)).isInstanceOf(ODataFilter.Invalid.class);
    }

    @Test
    void readsV2DateTimeLiteralsAndChecksEveryLiteralAgainstItsPropertysType() {
        Map<String, Class<?>> types = Map.of("CreationDate", LocalDate.class, "Amount", BigDecimal.class, "Blocked",
                Boolean.class, "Name", String.class);
        var filter = parse("CreationDate ge datetime'2026-06-01T00:00:00' and Amount gt 10.5M and Blocked eq false",
                types);

        assertThat(filter.test(Map.<String, Object>of("CreationDate", LocalDate.of(2026, 6, 2), "Amount",
                new BigDecimal("11"), "Blocked", false)::get))
            .isTrue();
        assertThatThrownBy(() -> parse("Name eq 1", types)).hasMessageContaining("does not fit the property type");
        assertThatThrownBy(() -> parse("CreationDate eq datetime'2026-13-01T00:00:00'", types))
            .hasMessageContaining("Invalid datetime literal");
        assertThatThrownBy(() -> parse("'x' eq Name", types)).isInstanceOf(ODataFilter.Invalid.class);
        assertThatThrownBy(() -> parse("substringof('x', Name)", types)).isInstanceOf(ODataFilter.Invalid.class);
    }

}
