package dev.erpgraph.sandbox.sxe;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import dev.erpgraph.sandbox.SandboxJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SX.API's wire conventions as the sandbox writes and reads them, in its own code: the
 * REST service path, the order stages ({@code oeeh.stagecd}), order numbers
 * ({@code orderno-ordersuf}, e.g. {@code 1200001-00}) and temp-tables ({@code {"tName":
 * {"t-name": [rows]}}}).
 */
final class SxeWire {

    static final String SERVICE_PATH = "SX/rest/sxapirestservice/";

    static final int ENTERED = 0;

    static final int ORDERED = 1;

    static final int PICKED = 2;

    static final int SHIPPED = 3;

    static final int INVOICED = 4;

    static final int PAID = 5;

    static final int CANCELLED = 9;

    private SxeWire() {
    }

    static String orderNumber(long orderNo, int orderSuf) {
        return orderNo + "-" + String.format(Locale.ROOT, "%02d", orderSuf);
    }

    /**
     * A temp-table's rows in a request; an absent table is empty, as SX.API treats it.
     * @throws IllegalArgumentException when the rows are not an array
     */
    static List<JsonNode> table(JsonNode request, String name, String rowsName) {
        JsonNode rows = request.path(name).path(rowsName);
        if (rows.isMissingNode() || rows.isNull()) {
            return List.of();
        }
        if (!rows.isArray()) {
            throw new IllegalArgumentException(name + "." + rowsName + " is not an array");
        }
        List<JsonNode> list = new ArrayList<>();
        rows.values().forEach(list::add);
        return list;

    }

    static final String NOT_SET_UP_CUSTOMER = "Customer # not set up in Customer Setup - ARSC";
    static final String NOT_SET_UP_PRODUCT = "Product not set up in Product Setup - ICSP";

    static final int MAX_RECORD_LIMIT = 500;

    /** A request SX.API could not deserialize (wrong type, unreadable date): HTTP 400. */
    static final class BadRequest extends RuntimeException {

        BadRequest(String message) {
            super(message);
        }

    }

    // ---- wire plumbing

    /**
     * The data set index of the request's {@code customerNumber}, which must be a JSON
     * number.
     */
    static OptionalInt customer(JsonNode request, SxeSandboxErp erp) {
        JsonNode number = request.path("customerNumber");
        if (!number.isNumber()) {
            throw new BadRequest("customerNumber must be a number");
        }
        BigDecimal value = number.decimalValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            return OptionalInt.empty();
        }
        return erp.customerIndex(value.toBigInteger().toString());
    }

    static LocalDate date(JsonNode request, String field) {
        String value = request.path(field).asString("");
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw new BadRequest(field + " must be a date (YYYY-MM-DD), was " + value);
        }
    }

    static ObjectNode ok() {
        ObjectNode response = SandboxJson.MAPPER.createObjectNode();
        response.put("cErrorMessage", "");
        return response;
    }

    static ObjectNode error(String message) {
        ObjectNode response = SandboxJson.MAPPER.createObjectNode();
        response.put("cErrorMessage", message);
        return response;
    }

}
