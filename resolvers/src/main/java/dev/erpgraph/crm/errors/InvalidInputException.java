package dev.erpgraph.crm.errors;

import java.util.Objects;

/**
 * Input the client can fix: answered as {@code BAD_USER_INPUT} with
 * {@code extensions.field} naming the input field (a path such as
 * {@code lines[0].quantity}). The message is meant for the client.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The offending input field, as a path from the argument or input object. */
    public String getField() {
        return field;
    }

}
