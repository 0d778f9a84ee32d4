package dev.erpgraph.sandbox.sap;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SAP sandbox's reading of OData v2 {@code $filter}. */
class SapSandboxFilterTests {

    @Test
    void theSandboxFilterParsesQuotesAndPrecedenceAndNarrowsHonestly() {
        Map<String, Class<?>> types = Map.of("A", String.class, "B", String.class);
        var filter = SapSandboxFilter.parse("A eq 'x''y' or A eq 'z' and B ne 'q'", types);

        assertThat(filter.test(Map.<String, Object>of("A", "x'y", "B", "q")::get)).isTrue();
        assertThat(filter.test(Map.<String, Object>of("A", "z", "B", "q")::get)).isFalse();
        assertThat(filter.candidates("A")).containsExactlyInAnyOrder("x'y", "z");
        assertThat(SapSandboxFilter.parse("A eq 'x' or B ne ''", types).candidates("A")).isNull();
        assertThatThrownBy(() -> SapSandboxFilter.parse("A eq 'x", types)).isInstanceOf(SapSandboxFilter.Invalid.class);
        assertThatThrownBy(() -> SapSandboxFilter.parse("A eq 'x'; drop", types))
            .isInstanceOf(SapSandboxFilter.Invalid.class);
    }

}
