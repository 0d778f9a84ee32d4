package dev.erpgraph.erp.p21;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.erpgraph.erp.http.QueryStrings;

/**
 * Builds P21 OData {@code $filter} expressions, and is the only place that puts a
 * caller's value into one.
 *
 * <p>
 * Why it looks like this: OData has no {@code in} operator that the P21 service is known
 * to accept, so many keys become an {@code or}-chain
 * ({@code customer_id eq 100198 or customer_id eq 100199}); IIS in front of the P21
 * middleware refuses query strings over 2048 bytes by default, so chains are cut into
 * chunks by their encoded length. Values are made harmless by type: numeric keys
 * ({@code customer_id}, {@code inv_mast_uid}) are validated as digits and never quoted,
 * so a key like {@code 1' or '1'='1} is not a P21 customer and is answered as unknown
 * without being sent; strings ({@code order_no}, {@code item_id}) are single-quoted with
 * every quote doubled, so nothing a caller sends can leave its literal.
 */
final class P21ODataFilter {

    private P21ODataFilter() {
    }

    /** A P21 numeric key (customer id, item uid): 1 to 18 ASCII digits, else empty. */
    static OptionalLong numericKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(key));
    }

    /**
     * Whether a string key (item id, order number) can be one: not blank and at most
     * {@value #MAX_STRING_KEY_LENGTH} characters, as P21's columns hold. Anything else is
     * unknown without being sent: a key too long for any query string would otherwise go
     * out alone, be refused, and fail every other key of its batch.
     */
    static boolean stringKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_STRING_KEY_LENGTH;
    }

    static final int MAX_STRING_KEY_LENGTH = 40;

    /** An OData string literal: quoted, quotes inside doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A date literal; P21 rejects {@code now()}, so the day is always spelled out. */
    static String literal(LocalDate date) {
        return date.toString();
    }

    static String eq(String column, long value) {
        return column + " eq " + value;
    }

    static String eq(String column, String value) {
        return column + " eq " + literal(value);
    }

    /**
     * One {@code column eq 'key'} term per key P21 could hold (see {@link #stringKey}),
     * in key order so that equal key sets give equal requests; keys P21 could not hold
     * are never sent.
     */
    static List<String> eqTerms(String column, Set<String> keys) {
        return keys.stream().filter(P21ODataFilter::stringKey).sorted().map(key -> eq(column, key)).toList();
    }

    /**
     * {@code terms} joined by {@code or}, in as few chunks as the length budget allows;
     * each chunk is {@code (t1 or t2 ...) and condition} when a condition is given. A
     * term is never split.
     */
    static List<String> anyOf(Collection<String> terms, String condition, int maxEncodedLength) {
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int overhead = condition == null ? 0 : encodedLength("() and " + condition);
        int length = overhead;
        int separator = encodedLength(" or ");
        for (String term : terms) {
            int termLength = encodedLength(term);
            if (!current.isEmpty() && length + separator + termLength > maxEncodedLength) {
                chunks.add(join(current, condition));
                current = new ArrayList<>();
                length = overhead;
            }
            length += (current.isEmpty() ? 0 : separator) + termLength;
            current.add(term);
        }
        if (!current.isEmpty()) {
            chunks.add(join(current, condition));
        }
        return chunks;
    }

    private static String join(List<String> terms, String condition) {
        String chain = String.join(" or ", terms);
        return condition == null ? chain : "(" + chain + ") and " + condition;
    }

    private static int encodedLength(String text) {
        return QueryStrings.encode(text).length();
    }

}
