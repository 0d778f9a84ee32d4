package dev.erpgraph.erp.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict reading of event bodies, shared by every ERP's event parser: anything not shaped
 * as documented is MALFORMED, never a 500.
 */
public final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventJson() {
    }

    public static JsonNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw ErpEventException.malformed("empty body");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw ErpEventException.malformed("the body must be a JSON object");
            }
            return root;
        }
        catch (JacksonException ex) {
            throw ErpEventException.malformed("the body is not valid JSON");
        }
    }

    public static String requiredString(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw ErpEventException.malformed("'" + field + "' must be a non-empty string");
        }
        return value.stringValue();
    }

    /** An optional array of non-empty strings; empty when absent. */
    public static Set<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        Set<String> strings = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isArray()) {
            throw ErpEventException.malformed("'" + field + "' must be an array of strings");
        }
        for (JsonNode element : value) {
            if (!element.isString() || element.stringValue().isBlank()) {
                throw ErpEventException.malformed("'" + field + "' must be an array of non-empty strings");
            }
            strings.add(element.stringValue());
        }
        return strings;
    }

    /**
     * Constant-time, so that the time to refuse says nothing about how much of a secret
     * was right.
     */
    public static boolean sameSecret(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

}
