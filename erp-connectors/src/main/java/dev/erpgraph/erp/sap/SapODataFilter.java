package dev.erpgraph.erp.sap;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.erpgraph.erp.http.LengthBoundedChunks;
import dev.erpgraph.erp.http.QueryStrings;

/**
 * Builds OData v2 {@code $filter} expressions safely. OData v2 has no {@code in}
 * operator, so a set of keys becomes a chain of {@code Field eq 'a' or Field eq 'b'};
 * SAP's gateway (and any proxy before it) limits the URL length, so {@link #chunk} packs
 * the chain into as few requests as fit under a maximum URL length.
 *
 * <p>
 * Every value is a string literal with single quotes doubled (the OData escaping rule);
 * keys that SAP stores as numbers are additionally validated as digits before they are
 * ever put into a filter.
 */
final class SapODataFilter {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private SapODataFilter() {
    }

    /** An OData string literal: {@code 'O''Brien'}. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String eq(String field, String value) {
        return field + " eq " + literal(value);
    }

    /**
     * {@code (F eq 'a' or F eq 'b')}; the parentheses keep it one operand when combined
     * with {@code and}.
     */
    static String anyOf(String field, Collection<String> values) {
        return "(" + String.join(" or ", values.stream().map(value -> eq(field, value)).toList()) + ")";
    }

    /**
     * The canonical form of a numeric SAP key (business partner, sales order): digits
     * without leading zeros, as the OData service renders them; null for anything else (a
     * hostile or foreign value is never sent).
     */
    static String numericKey(String key) {
        if (key == null || !DIGITS.matcher(key).matches()) {
            return null;
        }
        String stripped = key.replaceFirst("^0+(?=\\d)", "");
        return stripped;
    }

    /**
     * Splits {@code values} into groups whose {@code $filter} (built by {@code filter}
     * and URL-encoded) keeps the whole URL, {@code fixedLength} characters without the
     * filter, within {@code maxUrlLength}. Greedy, in iteration order: the fewest
     * requests a length limit allows for keys of similar length.
     */
    static List<List<String>> chunk(Collection<String> values, int fixedLength, int maxUrlLength,
            Function<List<String>, String> filter) {
        return LengthBoundedChunks.split(List.copyOf(values),
                chunk -> fixedLength + encodedLength(filter.apply(chunk)) <= maxUrlLength);
    }

    static int encodedLength(String filter) {
        return QueryStrings.encode(filter).length();
    }

}
