package dev.erpgraph.crm.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.erpgraph.crm.errors.InvalidInputException;

/**
 * A Relay global id: base64url of {@code Type:id}, so that {@code node(id:)} knows which
 * table to read and an id of one type cannot be passed where another is expected.
 *
 * @param type the GraphQL type name, e.g. {@code Account}
 * @param id the row's primary key
 */
public record GlobalId(String type, long id) {

    public static final String ACCOUNT = "Account";

    public static final String CONTACT = "Contact";

    public static final String OPPORTUNITY = "Opportunity";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public static String encode(String type, long id) {
        return ENCODER.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes an id of any type; garbage is the client's mistake, reported against
     * {@code field}.
     */
    public static GlobalId decode(String raw, String field) {
        if (raw == null || raw.isEmpty() || raw.length() > 200) {
            throw invalid(field);
        }
        try {
            String text = new String(DECODER.decode(raw), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon > 0) {
                long id = Long.parseLong(text.substring(colon + 1));
                if (id > 0) {
                    return new GlobalId(text.substring(0, colon), id);
                }
            }
        }
        catch (IllegalArgumentException ex) {
            // bad base64 or NumberFormatException: the client error below
        }
        throw invalid(field);
    }

    /**
     * Decodes an id that must be of {@code expectedType}; any other type is a client
     * error on {@code field}.
     */
    public static long decode(String raw, String expectedType, String field) {
        GlobalId id = decode(raw, field);
        if (!id.type().equals(expectedType)) {
            throw new InvalidInputException(field, "Not the id of a " + expectedType + ".");
        }
        return id.id();
    }

    private static InvalidInputException invalid(String field) {
        return new InvalidInputException(field, "Not a valid id.");
    }
}
