package dev.erpgraph.sandbox;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandboxes' JSON mapper: decimals read as {@link java.math.BigDecimal} straight from
 * the text and written in plain notation with their trailing zeros ({@code 1520.00}), as
 * ERPs write money. The sandboxes' own, so that a connector's reading of a body is never
 * the sandbox's writing of it.
 */
public final class SandboxJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    private SandboxJson() {
    }

}
