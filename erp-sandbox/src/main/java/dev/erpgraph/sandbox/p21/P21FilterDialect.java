package dev.erpgraph.sandbox.p21;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import dev.erpgraph.sandbox.ODataDialect;
import dev.erpgraph.sandbox.ODataFilter;

/**
 * The P21 OData service's {@code $filter}: ISO dates and date-times ({@code 2026-01-01},
 * {@code 2026-01-01T00:00:00}, v3's {@code datetime'...'}), numbers with an optional type
 * suffix; column on the left, literal on the right, checked against the column's type
 * ({@link #STRING}, {@link #NUMBER}, {@link #DATETIME}); keywords in any case; text
 * compared ignoring case and padding, like SQL Server's default collation. Any function
 * ({@code now()}, {@code substringof(...)}) is answered as the real service does, 404;
 * every other refusal is a 400.
 */
final class P21FilterDialect implements ODataDialect {

    static final P21FilterDialect INSTANCE = new P21FilterDialect();

    /** The Java types of P21 columns on the wire. */
    static final Class<?> STRING = String.class;

    static final Class<?> NUMBER = BigDecimal.class;

    static final Class<?> DATETIME = LocalDateTime.class;

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(STRING, "STRING", NUMBER, "NUMBER", DATETIME,
            "DATETIME");

    private P21FilterDialect() {
    }

    @Override
    public ODataFilter.Invalid error(Problem problem, String subject, int position, String filter) {
        if (problem == Problem.UNKNOWN_FUNCTION) {
            return new ODataFilter.Invalid(404, "An unknown function with name '" + subject + "' was found.");
        }
        return invalid(switch (problem) {
            case SYNTAX -> subject.isEmpty() ? "unexpected end" : "unexpected '" + subject + "'";
            case UNTERMINATED_STRING -> "unterminated string literal";
            case UNKNOWN_PROPERTY -> "Could not find a property named '" + subject + "'";
            case OPERATOR -> "unknown operator '" + subject + "'";
            case INVALID_LITERAL -> "not a date: '" + subject + "'";
            case UNKNOWN_FUNCTION -> throw new IllegalStateException("answered above");
        });
    }

    @Override
    public Object literal(String word, int position, String filter) {
        if (word.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return dateTime(word, position, filter);
        }
        if (word.matches("-?\\d+(\\.\\d+)?[mMdDlL]?")) {
            return new BigDecimal(word.replaceAll("[mMdDlL]$", ""));
        }
        return null;
    }

    @Override
    public Object prefixedLiteral(String prefix, String text, int position, String filter) {
        return prefix.equalsIgnoreCase("datetime") ? dateTime(text, position, filter) : null;
    }

    @Override
    public void checkLiteral(String property, Class<?> type, Object literal, String literalText, int position,
            String filter) {
        if (literal.getClass() != type) {
            throw invalid("A binary operator with incompatible types was detected: column '" + property + "' is "
                    + TYPE_NAMES.get(type) + ", the literal " + TYPE_NAMES.get(literal.getClass()));
        }
    }

    @Override
    public int order(String operator, Object left, Object right) {
        if (left instanceof String text) {
            return text.trim().compareToIgnoreCase(((String) right).trim());
        }
        if (left instanceof LocalDateTime time) {
            return time.compareTo((LocalDateTime) right);
        }
        return new BigDecimal(left.toString()).compareTo((BigDecimal) right);
    }

    @Override
    public boolean exactTextEquality() {
        return false;
    }

    @Override
    public boolean keywordsIgnoreCase() {
        return true;
    }

    private LocalDateTime dateTime(String text, int position, String filter) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw error(Problem.INVALID_LITERAL, text, position, filter);
        }
    }

    private static ODataFilter.Invalid invalid(String detail) {
        return new ODataFilter.Invalid(400, "Invalid filter expression: " + detail);
    }

}
