package dev.erpgraph.erp.p21;

import java.util.ArrayList;
import java.util.List;

import dev.erpgraph.erp.http.ErpHttpResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reads the ERP's own words out of the error bodies P21's services answer with: the OData
 * service's {@code {"error":{"code","message"}}}, the token endpoint's OAuth-style
 * {@code {"error","error_description"}}, ASP.NET's {@code {"Message"}}, and the
 * Transaction API's {@code Messages[]}.
 */
final class P21ErrorBody {

    private P21ErrorBody() {
    }

    /**
     * The message of an error answer, or null when the body says nothing readable (e.g.
     * an empty HTTP 500).
     */
    static String message(ErpHttpResponse response) {
        JsonNode body = response.jsonOrNull();
        return body == null ? null : message(body);
    }

    static String message(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isObject()) {
            JsonNode message = error.path("message");
            // OData v3 services nest it as {"lang","value"}; v4 has a plain string.
            String text = message.isObject() ? message.path("value").asString(null) : message.asString(null);
            if (text != null) {
                return text;
            }
        }
        if (error.isString()) {
            String description = body.path("error_description").asString("");
            return description.isBlank() ? error.stringValue() : error.stringValue() + ": " + description;
        }
        if (body.path("Message").isString()) {
            return body.path("Message").stringValue();
        }
        String messages = messages(body.path("Messages"));
        return messages.isEmpty() ? null : messages;
    }

    /**
     * The Transaction API's {@code Messages[]}: strings, or objects carrying
     * {@code Message}/{@code Text}.
     */
    static String messages(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            String text = message.isString() ? message.stringValue()
                    : message.path("Message").asString(message.path("Text").asString(null));
            if (text != null && !text.isBlank()) {
                texts.add(text);
            }
        }
        return String.join("; ", texts);
    }

}
