package dev.erpgraph.erp.sxe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.KeptValue;
import tools.jackson.databind.JsonNode;

/**
 * The company's warehouses, for a stock read that names none: the option
 * {@code stockWarehouses} when set, else SX.API's {@code sxapiicgetwarehouselistv2}
 * ({@code tCodeLst."t-codeLst"[{codeValue, codeDesc}]}, names from the captured SX.API
 * OpenAPI client [C]), read once and kept for an hour: warehouses change far less often
 * than stock, and one more call per page for them would undo what the multi-product stock
 * read saves.
 */
final class SxeWarehouses {

    private final SxeClient api;

    private final SxeOptions options;

    private final KeptValue<List<String>> read;

    SxeWarehouses(SxeClient api, SxeOptions options, Clock clock) {
        this.api = api;
        this.options = options;
        this.read = new KeptValue<>(this::read, Duration.ofHours(1), clock);
    }

    List<String> codes() {
        return options.stockWarehouses().isEmpty() ? read.get() : options.stockWarehouses();
    }

    private List<String> read() {
        SxeClient.Answer answer = api.call("warehouses", options.operations().warehouseList(), api.request());
        if (answer.failed()) {
            throw ErpException.badResponse(api.systemId(), "the warehouse list (" + options.operations().warehouseList()
                    + ") failed: " + answer.errorMessage() + "; set the option stockWarehouses", null);
        }
        List<String> read = new ArrayList<>();
        for (JsonNode row : SxeResponses.table(answer.response(), "tCodeLst", "t-codeLst")) {
            String code = SxeResponses.text(row, "codeValue");
            if (code != null && !code.isBlank()) {
                read.add(code.trim());
            }
        }
        return List.copyOf(read);
    }

}
