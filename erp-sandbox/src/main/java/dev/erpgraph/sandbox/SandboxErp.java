package dev.erpgraph.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What the shared sandbox machinery needs to know of one ERP kind: its numbering of the
 * data set's customers and orders and its error body. One bean per kind, in that ERP's
 * package, beside the controller that speaks its wire format. How an application reads a
 * sandbox (its credentials, its options) is that application's configuration.
 *
 * <p>
 * The numbering is data ({@link NumberRange}), so every ERP reads numbers back with the
 * same code; only the error body is each ERP's own.
 */
public abstract class SandboxErp {

    private final SandboxKind kind;

    private final String defaultSystemId;

    private final NumberRange customers;

    private final NumberRange orders;

    private final String errorContentType;

    /**
     * @param errorContentType the content type of this ERP's error bodies, exactly as it
     * sends it
     */
    protected SandboxErp(SandboxKind kind, String defaultSystemId, NumberRange customers, NumberRange orders,
            String errorContentType) {
        this.kind = kind;
        this.defaultSystemId = defaultSystemId;
        this.customers = customers;
        this.orders = orders;
        this.errorContentType = errorContentType;
    }

    public final SandboxKind kind() {
        return kind;
    }

    /**
     * The system id the demo runs this sandbox under, e.g. {@code sap}: the path
     * {@code /sandbox/sap/...}.
     */
    public final String defaultSystemId() {
        return defaultSystemId;
    }

    /** The ERP's customer number for the data set's customer {@code index}. */
    public final String customerNumber(int index) {
        return customers.number(index);
    }

    /**
     * The data set index of a customer number; empty for anything this ERP would not know
     * (including hostile input).
     */
    public final OptionalInt customerIndex(String customerNumber) {
        return customers.position(customerNumber);
    }

    /** The ERP's document number for the data set's order {@code sequence}. */
    public final String orderNumber(int sequence) {
        return orders.number(sequence);
    }

    /**
     * The data set sequence of an order number; empty for anything this ERP would not
     * know.
     */
    public final OptionalInt orderSequence(String orderNumber) {
        return orders.position(orderNumber);
    }

    /**
     * Writes an error in this ERP's own error format (used for injected faults: down,
     * error rate, 429).
     */
    public final void writeError(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(errorContentType);
        response.getOutputStream().write(faultBody(status, message).getBytes(StandardCharsets.UTF_8));
    }

    /** This ERP's error body for an injected fault. */
    protected abstract String faultBody(int status, String message);

}
