package dev.erpgraph.erp.sxe;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings both ends of SX.API share here: amounts and quantities are JSON numbers on the wire, so
 * they are read straight into {@link java.math.BigDecimal} (never through a double) and written in plain
 * notation ({@code 1520.00}, not {@code 1.52E+3}).
 */
final class SxeJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SxeJson() {
    }
}
