package dev.erpgraph.erp.p21;

import dev.erpgraph.erp.ErpException;
import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * P21 sends amounts as JSON numbers ({@code 12250.4}); read as doubles they could drift by a cent in a sum, so
 * P21 bodies are parsed with every decimal kept as the exact {@code BigDecimal} written on the wire.
 */
final class P21Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private P21Json() {
    }

    /** The body of a successful answer; unparsable or empty is {@link ErpException.Kind#BAD_RESPONSE}. */
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

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }
}
