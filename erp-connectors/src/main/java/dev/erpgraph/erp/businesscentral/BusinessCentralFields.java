package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reading the fields of Business Central's entities. BC sends decimals as JSON numbers
 * ({@code 649.4}, {@code 1520}), which {@link ErpHttpResponse#json()} already reads
 * exactly, as {@link BigDecimal} with their scale. Dates are ISO {@code 2024-06-13}; BC's
 * "no date" is {@code 0001-01-01}, read as null. A field of the wrong type is a
 * {@link ErpException.Kind#BAD_RESPONSE}.
 */
final class BusinessCentralFields {

    /** BC's blank date (an empty Date field is serialized as the first day of year 1). */
    static final LocalDate BLANK_DATE = LocalDate.of(1, 1, 1);

    private BusinessCentralFields() {
    }

    /**
     * BC's error body {@code {"error":{"code","message"}}}: the message, or null if the
     * body is something else.
     */
    static String errorMessage(ErpHttpResponse response) {
        JsonNode error = response.jsonOrNull();
        if (error == null) {
            return null;
        }
        JsonNode message = error.path("error").path("message");
        if (message.isString()) {
            return message.stringValue();
        }
        // Entra ID's token endpoint answers OAuth-style errors instead.
        JsonNode description = error.path("error_description");
        return description.isString() ? description.stringValue() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    static String requiredText(JsonNode node, String field, String erpSystemId) {
        String value = text(node, field);
        if (value == null) {
            throw ErpException.badResponse(erpSystemId, "missing text field '" + field + "'", null);
        }
        return value;
    }

    /**
     * A decimal read exactly; null where absent or null; a non-number is a bad response.
     */
    static BigDecimal decimal(JsonNode node, String field, String erpSystemId) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ErpException.badResponse(erpSystemId, "field '" + field + "' is not a number", null);
        }
        return value.decimalValue();
    }

    static BigDecimal requiredDecimal(JsonNode node, String field, String erpSystemId) {
        BigDecimal value = decimal(node, field, erpSystemId);
        if (value == null) {
            throw ErpException.badResponse(erpSystemId, "missing number field '" + field + "'", null);
        }
        return value;
    }

    /** An ISO date; null where absent, null or BC's blank date {@code 0001-01-01}. */
    static LocalDate date(JsonNode node, String field, String erpSystemId) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            return date.equals(BLANK_DATE) ? null : date;
        }
        catch (DateTimeParseException ex) {
            throw ErpException.badResponse(erpSystemId, "field '" + field + "' is not an ISO date", ex);
        }
    }

    static boolean bool(JsonNode node, String field) {
        return node.path(field).isBoolean() && node.path(field).booleanValue();
    }

}
