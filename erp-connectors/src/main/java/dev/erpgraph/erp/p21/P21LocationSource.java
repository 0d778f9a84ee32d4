package dev.erpgraph.erp.p21;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.erpgraph.erp.http.KeptValue;
import tools.jackson.databind.JsonNode;

/**
 * Where the location id to warehouse code mapping comes from: the {@code locations}
 * option when a deployment sets it, else P21's own {@code location} table
 * ({@code /odataservice/odata/table/location}: {@code location_id} and the code column,
 * option {@code locationCodeColumn}, {@code default_branch_id} by default [I]; rows with
 * {@code delete_flag = 'Y'} left out), read on first use and kept for an hour: a
 * distributor opens a branch far less often than a rep asks for stock, and no default may
 * pretend to know a tenant's locations. A location without a code is shown by its number.
 */
final class P21LocationSource {

    private final P21Client odata;

    private final P21Options options;

    private final KeptValue<P21Locations> read;

    P21LocationSource(P21Client odata, P21Options options, Clock clock) {
        this.odata = odata;
        this.options = options;
        this.read = new KeptValue<>(this::read, Duration.ofHours(1), clock);
    }

    P21Locations current() {
        return options.locations() != null ? options.locations() : read.get();
    }

    private P21Locations read() {
        Map<Long, String> codes = new LinkedHashMap<>();
        String codeColumn = options.locationCodeColumn();
        for (JsonNode row : odata.table("locations", "location", null, "location_id," + codeColumn + ",delete_flag",
                "location_id")) {
            if ("Y".equalsIgnoreCase(row.path("delete_flag").asString("")) || !row.path("location_id").isNumber()) {
                continue;
            }
            String code = row.path(codeColumn).asString("").trim();
            if (!code.isEmpty()) {
                codes.put(row.path("location_id").asLong(), code);
            }
        }
        return P21Locations.of(codes);
    }

}
