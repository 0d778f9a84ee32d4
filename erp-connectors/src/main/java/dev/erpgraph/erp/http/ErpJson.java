package dev.erpgraph.erp.http;

import java.math.BigDecimal;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for ERP payloads, both ways. Money and quantities must survive exactly:
 * decimals are read as {@link BigDecimal} straight from the text (never through a
 * double), keeping their trailing zeros, and written in plain notation ({@code 1520.00},
 * not {@code 1.52E+3}). {@link ErpHttpResponse#json()} reads with it; request bodies and
 * captured test payloads use it too.
 */
public final class ErpJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();

    private ErpJson() {
    }

}
