package dev.erpgraph.sandbox.businesscentral;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.erpgraph.sandbox.ODataDialect;
import dev.erpgraph.sandbox.ODataFilter;

/**
 * Business Central's OData v4 {@code $filter}: bare dates ({@code 2024-06-13}), GUIDs,
 * numbers, {@code true}/{@code false}; a literal or a property on either side; types are
 * judged when values are compared (an {@code Edm.String} against an {@code Edm.Decimal}
 * is refused then), as BC's messages say. Every refusal is a 400 {@code BadRequest}.
 */
final class BusinessCentralFilterDialect implements ODataDialect {

    static final BusinessCentralFilterDialect INSTANCE = new BusinessCentralFilterDialect();

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern GUID = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private BusinessCentralFilterDialect() {
    }

    @Override
    public ODataFilter.Invalid error(Problem problem, String subject, int position, String filter) {
        return new ODataFilter.Invalid(400, switch (problem) {
            case UNTERMINATED_STRING -> "Unterminated string literal at position " + position + " in '" + filter + "'.";
            case UNKNOWN_PROPERTY ->
                "Could not find a property named '" + subject + "' on type 'Microsoft.NAV.entity'.";
            case UNKNOWN_FUNCTION -> "An unknown function with name '" + subject + "' was found.";
            case SYNTAX, OPERATOR, INVALID_LITERAL -> "Syntax error at position " + position + " in '" + filter + "'.";
        });
    }

    @Override
    public Object literal(String word, int position, String filter) {
        if (word.equals("true") || word.equals("false")) {
            return Boolean.valueOf(word);
        }
        if (DATE.matcher(word).matches()) {
            try {
                return LocalDate.parse(word);
            }
            catch (DateTimeException ex) {
                throw error(Problem.INVALID_LITERAL, word, position, filter);
            }
        }
        if (GUID.matcher(word).matches()) {
            return word.toLowerCase(Locale.ROOT);
        }
        if (NUMBER.matcher(word).matches()) {
            return new BigDecimal(word);
        }
        return null;
    }

    @Override
    public int order(String operator, Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof LocalDate a && right instanceof LocalDate b) {
            return a.compareTo(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            if (!operator.equals("eq") && !operator.equals("ne")) {
                throw new ODataFilter.Invalid(400, "The operator '" + operator + "' is not defined for Edm.Boolean.");
            }
            return a.equals(b) ? 0 : 1;
        }
        throw new ODataFilter.Invalid(400,
                "A binary operator with incompatible types was detected. Found operand types '" + typeName(left)
                        + "' and '" + typeName(right) + "' for operator kind '" + operator + "'.");
    }

    @Override
    public boolean operandsEitherSide() {
        return true;
    }

    private static String typeName(Object value) {
        if (value instanceof BigDecimal) {
            return "Edm.Decimal";
        }
        if (value instanceof LocalDate) {
            return "Edm.Date";
        }
        if (value instanceof Boolean) {
            return "Edm.Boolean";
        }
        return "Edm.String";
    }

}
