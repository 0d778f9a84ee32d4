package dev.erpgraph.erp.businesscentral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading Business Central's JSON exactly. BC sends decimals as JSON numbers ({@code 649.4}, {@code 1520}), so a
 * default mapper would round them through {@code double}: this one reads every number as {@link BigDecimal}
 * straight from the text and keeps its scale. Dates are ISO {@code 2024-06-13}; BC's "no date" is
 * {@code 0001-01-01}, read as null.
 */
final class BusinessCentralJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** BC's blank date (an empty Date field is serialized as the first day of year 1). */
    static final LocalDate BLANK_DATE = LocalDate.of(1, 1, 1);

    private BusinessCentralJson() {
    }

    /** The body of a successful answer; anything unparsable is {@link ErpException.Kind#BAD_RESPONSE}. */
    static JsonNode body(ErpHttpResponse response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            throw ErpException.badResponse(response.erpSystemId(),
                    "empty body where JSON was expected (HTTP " + response.status() + ")", null);
        }
        try {
            return MAPPER.readTree(body);
        }
        catch (JacksonException ex) {
            throw ErpException.badResponse(response.erpSystemId(),
                    "unparsable JSON body (HTTP " + response.status() + ")", ex);
        }
    }

    /** BC's error body {@code {"error":{"code","message"}}}: the message, or null if the body is something else. */
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

    /** A decimal read exactly; null where absent or null; a non-number is a bad response. */
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
