package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import dev.erpgraph.sandbox.FilterExpression;
import dev.erpgraph.sandbox.ODataFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared OData filter in the P21 service's dialect. */
class P21FilterDialectTests {

    private static final Map<String, Class<?>> COLUMNS = Map.of("order_no", P21FilterDialect.STRING, "customer_id",
            P21FilterDialect.NUMBER, "order_date", P21FilterDialect.DATETIME);

    private static final Map<String, Object> ROW = Map.of("order_no", "1013938 ", "customer_id", 100198L, "order_date",
            LocalDateTime.of(2026, 6, 13, 0, 0));

    private static FilterExpression parse(String filter) {
        return ODataFilter.parse(filter, COLUMNS, P21FilterDialect.INSTANCE);
    }

    @Test
    void comparesTextIgnoringCaseAndPaddingAndTakesKeywordsInAnyCase() {
        assertThat(parse("order_no EQ '1013938' AND customer_id eq 100198").test(ROW)).isTrue();
        assertThat(parse("NOT (order_no eq '1013939') Or customer_id gt 1").test(ROW)).isTrue();
        assertThat(parse("order_date ge datetime'2026-06-01T00:00:00' and order_date lt 2026-06-14").test(ROW))
            .isTrue();
    }

    @Test
    void aKeyListNamesItsCandidatesAsTheirLiteralsText() {
        assertThat(parse("customer_id eq 100198 or customer_id eq 100199.0").candidates("customer_id"))
            .containsExactlyInAnyOrder("100198", "100199.0");
        assertThat(parse("customer_id eq 100198 or order_no ne ''").candidates("customer_id")).isNull();
    }

    @Test
    void refusesFunctionsWith404AndEverythingElseWith400() {
        assertThatThrownBy(() -> parse("order_date lt now()")).isInstanceOfSatisfying(ODataFilter.Invalid.class,
                ex -> assertThat(ex.status()).isEqualTo(404));
        assertThatThrownBy(() -> parse("customer_id eq '100198'"))
            .isInstanceOfSatisfying(ODataFilter.Invalid.class, ex -> assertThat(ex.status()).isEqualTo(400))
            .hasMessageContaining("column 'customer_id' is NUMBER, the literal STRING");
        assertThatThrownBy(() -> parse("order_no eq '1' or '1' eq '1'")).isInstanceOf(ODataFilter.Invalid.class);
        assertThatThrownBy(() -> parse("order_no eq '1")).hasMessageContaining("unterminated");
        assertThat(parse("customer_id ge 100198").test(Map.of("customer_id", new BigDecimal("100198.00")))).isTrue();
    }

}
