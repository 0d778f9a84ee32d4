package dev.erpgraph.crm.errors;

/**
 * An update based on an old version of a record: answered as {@code CONFLICT}. The client
 * re-reads the record and decides again; nothing was written.
 */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String message) {
        super(message);
    }

}
