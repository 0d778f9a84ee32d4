package dev.erpgraph.erp.p21;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import dev.erpgraph.erp.http.QueryStrings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class P21ODataFilterTests {

    @Test
    void stringLiteralsDoubleTheirQuotes() {
        assertThat(P21ODataFilter.eq("item_id", "A' or item_id ne '")).isEqualTo("item_id eq 'A'' or item_id ne '''");
        assertThat(P21ODataFilter.eq("order_no", "1013938")).isEqualTo("order_no eq '1013938'");
    }

    @Test
    void onlyDigitsAreNumericKeys() {
        assertThat(P21ODataFilter.numericKey("100198")).hasValue(100198L);
        assertThat(P21ODataFilter.numericKey("0100198")).hasValue(100198L);
        for (String hostile : List.of("1' or '1'='1", "x) or (1 eq 1", "100198 or 1 eq 1", "-5", "", "1e5", "１２３",
                "1234567890123456789")) {
            assertThat(P21ODataFilter.numericKey(hostile)).as(hostile).isEmpty();
        }
    }

    @Test
    void aStringKeyLongerThanAnyP21ColumnIsNoKey() {
        assertThat(P21ODataFilter.stringKey("PVC-10000")).isTrue();
        assertThat(P21ODataFilter.stringKey("A' or item_id ne '")).isTrue();
        assertThat(P21ODataFilter.stringKey("X".repeat(40))).isTrue();
        assertThat(P21ODataFilter.stringKey("X".repeat(41))).isFalse();
        assertThat(P21ODataFilter.stringKey(" ")).isFalse();
        assertThat(P21ODataFilter.stringKey(null)).isFalse();
    }

    @Test
    void datesAreLiteralsNotFunctions() {
        assertThat("order_date ge " + P21ODataFilter.literal(LocalDate.of(2026, 1, 5)))
            .isEqualTo("order_date ge 2026-01-05");
    }

    @Test
    void orChainsAreCutByEncodedLengthAndKeepTheirCondition() {
        List<String> terms = IntStream.range(0, 200)
            .mapToObj(i -> P21ODataFilter.eq("customer_id", 100_000L + i))
            .toList();

        List<String> chunks = P21ODataFilter.anyOf(terms, "completed eq 'N'", 600);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(QueryStrings.encode(chunk).length()).isLessThanOrEqualTo(600);
            assertThat(chunk).startsWith("(customer_id eq ").endsWith(") and completed eq 'N'");
        });
        assertThat(String.join(" ", chunks).split("customer_id eq ")).hasSize(201);
        assertThat(P21ODataFilter.anyOf(terms.subList(0, 2), null, 600))
            .containsExactly("customer_id eq 100000 or customer_id eq 100001");
    }

    @Test
    void locationsMapBothWays() {
        P21Locations locations = P21Locations.parse("10=CLE,20=CMH,30=DET,40=PIT,50=IND");

        assertThat(locations.warehouse(10L)).isEqualTo("CLE");
        assertThat(locations.warehouse(60L)).isEqualTo("60");
        assertThat(locations.locationId("DET")).hasValue(30L);
        assertThat(locations.locationId("70")).hasValue(70L);
        assertThat(locations.locationId("XYZ")).isEmpty();
    }

}
