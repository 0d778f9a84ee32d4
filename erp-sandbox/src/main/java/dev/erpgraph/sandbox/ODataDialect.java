package dev.erpgraph.sandbox;

/**
 * What one ERP's OData service makes of a {@code $filter} beyond the grammar
 * {@link ODataFilter} shares: its literals (SAP v2's {@code datetime'...'}, BC's bare
 * dates and GUIDs, number suffixes), how it compares values, how it checks a literal
 * against a property's type, which keywords it takes in any case, and its error messages
 * and statuses.
 */
public interface ODataDialect {

    /** What went wrong, for the dialect to word as its service does. */
    enum Problem {

        /** An unexpected token; the subject is its text, empty at the end. */
        SYNTAX,
        /** A quote without its end; the position is the opening quote's. */
        UNTERMINATED_STRING,
        /** A name that is no property of the entity. */
        UNKNOWN_PROPERTY,
        /** A name followed by {@code (}: no sandbox supports a function yet. */
        UNKNOWN_FUNCTION,
        /** Not one of {@code eq ne gt ge lt le}. */
        OPERATOR,
        /** A literal of the dialect's syntax whose value is not valid (a 13th month). */
        INVALID_LITERAL

    }

    /** The exception the filter is refused with (status and message as the ERP's). */
    ODataFilter.Invalid error(Problem problem, String subject, int position, String filter);

    /**
     * The value of an unquoted word if it is a literal of this dialect (numbers, dates,
     * booleans, GUIDs), else null; {@code null} itself is handled by the grammar.
     */
    Object literal(String word, int position, String filter);

    /**
     * The value of {@code prefix'text'} (SAP v2's and P21's {@code datetime'...'}), or
     * null when the prefix is none of this dialect's.
     */
    default Object prefixedLiteral(String prefix, String text, int position, String filter) {
        return null;
    }

    /**
     * Refuses a literal that does not fit the property's type (a dialect whose service
     * checks types against its metadata), or lets it pass.
     */
    default void checkLiteral(String property, Class<?> type, Object literal, String literalText, int position,
            String filter) {
    }

    /**
     * The sign of comparing two non-null values, the dialect's way (case, padding,
     * numeric types); may refuse the comparison.
     */
    int order(String operator, Object left, Object right);

    /**
     * Whether {@code property eq 'text'} is plain string equality, so that a list of keys
     * is looked up as a set; false where the service compares text ignoring case.
     */
    default boolean exactTextEquality() {
        return true;
    }

    /**
     * Whether {@code and}, {@code or}, {@code not} and the operators are taken in any
     * case.
     */
    default boolean keywordsIgnoreCase() {
        return false;
    }

    /**
     * Whether a literal may stand left of the operator and a property right of it; where
     * not, a comparison is {@code property op literal}.
     */
    default boolean operandsEitherSide() {
        return false;
    }

}
