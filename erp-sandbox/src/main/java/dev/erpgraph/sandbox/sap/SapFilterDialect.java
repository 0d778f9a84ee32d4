package dev.erpgraph.sandbox.sap;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import dev.erpgraph.sandbox.ODataDialect;
import dev.erpgraph.sandbox.ODataFilter;

/**
 * SAP Gateway's OData v2 {@code $filter}: {@code datetime'...'} (and
 * {@code datetimeoffset'...'}) for {@code Edm.DateTime}, numbers with an optional
 * {@code M}/{@code D} suffix, {@code true}/{@code false}; property on the left, literal
 * on the right, the literal checked against the property's type ({@link String},
 * {@link BigDecimal}, {@link java.time.LocalDate}, {@link Boolean}); case-sensitive
 * keywords. Every refusal is a 400.
 */
final class SapFilterDialect implements ODataDialect {

    static final SapFilterDialect INSTANCE = new SapFilterDialect();

    private SapFilterDialect() {
    }

    @Override
    public ODataFilter.Invalid error(Problem problem, String subject, int position, String filter) {
        return new ODataFilter.Invalid(400, switch (problem) {
            case SYNTAX -> subject.isEmpty() ? "Unexpected end of filter expression"
                    : "Invalid token '" + subject + "' at position " + position;
            case UNTERMINATED_STRING -> "Unterminated string literal at position " + position;
            case UNKNOWN_PROPERTY -> "Property '" + subject + "' not found";
            case UNKNOWN_FUNCTION -> "Function '" + subject + "' is not supported";
            case OPERATOR -> "Invalid operator '" + subject + "' at position " + position;
            case INVALID_LITERAL -> "Invalid datetime literal '" + subject + "'";
        });
    }

    @Override
    public Object literal(String word, int position, String filter) {
        if (word.matches("-?\\d+(\\.\\d+)?[mMdD]?")) {
            return new BigDecimal(word.replaceFirst("[mMdD]$", ""));
        }
        if (word.equals("true") || word.equals("false")) {
            return Boolean.valueOf(word);
        }
        return null;
    }

    @Override
    public Object prefixedLiteral(String prefix, String text, int position, String filter) {
        if (!prefix.equals("datetime") && !prefix.equals("datetimeoffset")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.replaceFirst("Z$", "")).toLocalDate();
        }
        catch (DateTimeParseException ex) {
            throw error(Problem.INVALID_LITERAL, text, position, filter);
        }
    }

    @Override
    public void checkLiteral(String property, Class<?> type, Object literal, String literalText, int position,
            String filter) {
        if (literal.getClass() != type) {
            throw new ODataFilter.Invalid(400,
                    "Literal " + literalText + " at position " + position + " does not fit the property type");
        }
    }

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public int order(String operator, Object left, Object right) {
        return left instanceof BigDecimal number ? number.compareTo((BigDecimal) right)
                : ((Comparable) left).compareTo(right);
    }

}
