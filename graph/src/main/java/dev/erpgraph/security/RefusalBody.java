package dev.erpgraph.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.errors.TraceIds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * The body of a request refused before GraphQL runs (no credential, a rate limit): a
 * GraphQL error response with {@code extensions.code} (and {@code extensions.traceId}),
 * as clients parse every other error.
 */
final class RefusalBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RefusalBody() {
    }

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        String traceId = TraceIds.current();
        if (traceId != null) {
            extensions.put("traceId", traceId);
        }
        JSON.writeValue(response.getOutputStream(),
                Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
    }

}
