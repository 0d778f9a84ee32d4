package dev.erpgraph.erp.businesscentral;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import dev.erpgraph.erp.http.LengthBoundedChunks;

/**
 * OData v4 {@code $filter} text for Business Central, built so that no key can change the
 * filter's meaning.
 *
 * <p>
 * Every key goes into a string literal with its single quotes doubled ({@code O'Brien}
 * becomes {@code 'O''Brien'}), which is all OData's literal syntax needs: inside quotes,
 * {@code or}, parentheses and semicolons are plain characters. Keys that cannot be BC
 * codes (longer than {@value #MAX_CODE_LENGTH} characters, or blank, or holding control
 * characters) are not sent at all: BC could not know them.
 *
 * <p>
 * Many keys become a chained {@code or} (the v4 {@code in} operator is unverified on BC),
 * split only where the URL would grow past the configured length: BC online sits behind a
 * gateway with a URL limit, and the split is the one thing forcing more than one request.
 */
final class BusinessCentralFilter {

    /** Customer, item and document numbers are {@code Code[20]} fields in BC. */
    static final int MAX_CODE_LENGTH = 20;

    private BusinessCentralFilter() {
    }

    /** A string literal, single quotes doubled. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Whether BC could hold this as a {@code Code[20]} value; others are unknown without
     * asking.
     */
    static boolean isCode(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_CODE_LENGTH
                && value.chars().noneMatch(Character::isISOControl);
    }

    /** {@code field eq 'value'}. */
    static String eq(String field, String value) {
        return field + " eq " + literal(value);
    }

    /**
     * Joins the clauses with {@code or} into as few groups as keep {@code urlFor(group)}
     * within {@code maxUrlLength}; each group is parenthesized so that it can be and-ed
     * with more conditions. A clause too long on its own still gets a group (the ERP then
     * answers for it).
     */
    static List<String> orGroups(Collection<String> clauses, Function<String, String> urlFor, int maxUrlLength) {
        return LengthBoundedChunks
            .split(List.copyOf(clauses), chunk -> urlFor.apply(group(chunk)).length() <= maxUrlLength)
            .stream()
            .map(BusinessCentralFilter::group)
            .toList();
    }

    private static String group(List<String> clauses) {
        return clauses.size() == 1 ? clauses.get(0) : "(" + String.join(" or ", clauses) + ")";
    }

}
