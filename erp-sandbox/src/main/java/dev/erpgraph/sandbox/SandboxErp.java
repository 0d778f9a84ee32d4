package dev.erpgraph.sandbox;

import java.io.IOException;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What the shared sandbox machinery needs to know of one ERP kind: its numbering of the
 * data set's customers and orders and its error body. One bean per kind, in that ERP's
 * package, beside the controller that speaks its wire format. How an application reads a
 * sandbox (its credentials, its options) is that application's configuration.
 */
public interface SandboxErp {

    SandboxKind kind();

    /**
     * The system id the demo runs this sandbox under, e.g. {@code sap}: the path
     * {@code /sandbox/sap/...}.
     */
    String defaultSystemId();

    /** The ERP's customer number for the data set's customer {@code index}. */
    String customerNumber(int index);

    /**
     * The data set index of a customer number; empty for anything this ERP would not know
     * (including hostile input).
     */
    OptionalInt customerIndex(String customerNumber);

    /** The ERP's document number for the data set's order {@code sequence}. */
    String orderNumber(int sequence);

    /**
     * The data set sequence of an order number; empty for anything this ERP would not
     * know.
     */
    OptionalInt orderSequence(String orderNumber);

    /**
     * Writes an error in this ERP's own error format (used for injected faults: down,
     * error rate, 429).
     */
    void writeError(HttpServletResponse response, int status, String message) throws IOException;

}
