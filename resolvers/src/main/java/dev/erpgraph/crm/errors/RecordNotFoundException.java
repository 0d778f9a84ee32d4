package dev.erpgraph.crm.errors;

/**
 * A mutation named a record that does not exist: answered as {@code NOT_FOUND}. (Queries
 * answer null instead, as GitHub's and Shopify's APIs do.)
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }

}
