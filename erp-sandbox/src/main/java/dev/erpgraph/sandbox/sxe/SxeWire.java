package dev.erpgraph.sandbox.sxe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

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

}
