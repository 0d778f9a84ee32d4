package dev.erpgraph.mcp;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Turns a tool's GraphQL answer into what an agent reads: the answer's {@code data}, as
 * compact JSON, with every {@code freshness} made plain ({@code erpSystem} as its id, and
 * its {@code ageSeconds}), and the errors of the parts that could not be read under
 * {@code errors}, each with its {@code code}.
 * <p>
 * When the tool's own answer is missing (the account is not found or not the caller's,
 * the document was refused, the ERP could not answer the one value asked for), the answer
 * is a tool error ({@code isError}) naming the code of the error that says why:
 * {@code {"error": {"code": "NOT_FOUND", "message": ..., "path": ...}}}.
 */
class ToolAnswers {

    private final McpJsonMapper json;

    private final Clock clock;

    ToolAnswers(McpJsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    CallToolResult answer(GraphQlTool tool, WebGraphQlResponse response) {
        Map<String, Object> data = response.getData();
        List<ResponseError> errors = response.getErrors();
        Object answer = valueAt(data, tool.answerPath());
        boolean missing = answer == null || (answer instanceof List<?> list && list.isEmpty() && !errors.isEmpty());
        if (missing) {
            ResponseError why = errors.stream()
                .filter(error -> related(error.getPath(), tool.answerPath()))
                .findFirst()
                .orElse(errors.isEmpty() ? null : errors.get(0));
            if (why == null) {
                return failure("NOT_FOUND", "Nothing found for these arguments.", tool.answerPath());
            }
            return failure(code(why), why.getMessage(), why.getPath().isEmpty() ? null : why.getPath());
        }
        Map<String, Object> body = new LinkedHashMap<>(plain(data));
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(ToolAnswers::partError).toList());
        }
        return result(body, false);
    }

    CallToolResult failure(String code, String message, String path) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (path != null) {
            error.put("path", path);
        }
        return result(Map.of("error", error), true);
    }

    private CallToolResult result(Map<String, Object> body, boolean isError) {
        try {
            return CallToolResult.builder()
                .addTextContent(json.writeValueAsString(body))
                .structuredContent(body)
                .isError(isError)
                .build();
        }
        catch (IOException ex) {
            throw new IllegalStateException("A GraphQL answer that is not JSON", ex);
        }
    }

    /** The freshness of each ERP value made plain, everything else as it is. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> plain(Map<String, Object> object) {
        Map<String, Object> plain = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if ("freshness".equals(key) && value instanceof Map<?, ?> freshness) {
                plain.put(key, freshness((Map<String, Object>) freshness));
            }
            else {
                plain.put(key, plainValue(value));
            }
        });
        return plain;
    }

    @SuppressWarnings("unchecked")
    private Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(element -> plain.add(plainValue(element)));
            return plain;
        }
        return value;
    }

    private Map<String, Object> freshness(Map<String, Object> freshness) {
        Map<String, Object> plain = new LinkedHashMap<>();
        if (freshness.get("erpSystem") instanceof Map<?, ?> system) {
            plain.put("erpSystem", system.get("id"));
        }
        Object fetchedAt = freshness.get("fetchedAt");
        plain.put("fetchedAt", fetchedAt);
        if (fetchedAt instanceof String at) {
            try {
                plain.put("ageSeconds", Math.max(0, Duration.between(Instant.parse(at), clock.instant()).toSeconds()));
            }
            catch (DateTimeParseException ex) {
                // Not an instant (never, from this schema): no age then.
            }
        }
        plain.put("fromCache", freshness.get("fromCache"));
        plain.put("stale", freshness.get("stale"));
        return plain;
    }

    private static Map<String, Object> partError(ResponseError error) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("path", error.getPath());
        part.put("code", code(error));
        part.put("message", error.getMessage());
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("erpSystemId") != null) {
            part.put("erpSystemId", extensions.get("erpSystemId"));
        }
        return part;
    }

    private static String code(ResponseError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = (extensions != null) ? extensions.get("code") : null;
        return (code != null) ? code.toString() : "INTERNAL";
    }

    /** An error at the answer, above it (why it is null) or within it. */
    private static boolean related(String errorPath, String answerPath) {
        return !errorPath.isEmpty() && (errorPath.equals(answerPath) || answerPath.startsWith(errorPath + ".")
                || errorPath.startsWith(answerPath + ".") || errorPath.startsWith(answerPath + "["));
    }

    private static Object valueAt(Map<String, Object> data, String path) {
        Object value = data;
        for (String field : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> object)) {
                return null;
            }
            value = object.get(field);
        }
        return value;
    }

}
