package dev.erpgraph.erp.p21;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * P21 numbers its locations ({@code location_id} 10, 20, ...); the gateway speaks
 * warehouse codes (CLE, CMH). This is the mapping both ways, from the {@code locations}
 * option ({@code 10=CLE,20=CMH}) or from P21's {@code location} table
 * ({@link P21LocationSource}). A location missing from the mapping is shown by its
 * number, so no stock silently disappears.
 */
final class P21Locations {

    private final Map<Long, String> codes;

    private final Map<String, Long> ids;

    private P21Locations(Map<Long, String> codes) {
        this.codes = Map.copyOf(codes);
        Map<String, Long> reverse = new LinkedHashMap<>();
        codes.forEach((id, code) -> reverse.put(code, id));
        this.ids = Map.copyOf(reverse);
    }

    static P21Locations of(Map<Long, String> codes) {
        return new P21Locations(codes);
    }

    static P21Locations parse(String mapping) {
        Map<Long, String> codes = new LinkedHashMap<>();
        for (String pair : mapping.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("locations must look like 10=CLE,20=CMH, was '" + mapping + "'");
            }
            codes.put(Long.parseLong(parts[0].trim()), parts[1].trim());
        }
        return new P21Locations(codes);
    }

    /**
     * The warehouse code of a location id; the number itself when unmapped; null for no
     * location.
     */
    String warehouse(Long locationId) {
        return locationId == null ? null : codes.getOrDefault(locationId, String.valueOf(locationId));
    }

    /**
     * The location id of a warehouse code (or of a bare number); empty if the code is
     * unknown.
     */
    OptionalLong locationId(String warehouse) {
        Long id = ids.get(warehouse);
        if (id != null) {
            return OptionalLong.of(id);
        }
        if (warehouse != null && warehouse.matches("[0-9]{1,9}")) {
            return OptionalLong.of(Long.parseLong(warehouse));
        }
        return OptionalLong.empty();
    }

    Optional<String> code(long locationId) {
        return Optional.ofNullable(codes.get(locationId));
    }

}
