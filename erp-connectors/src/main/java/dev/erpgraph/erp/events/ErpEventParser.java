package dev.erpgraph.erp.events;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.gateway.ErpEviction;

/**
 * Reads one ERP's change event (webhook notification, business event, signed event) into
 * the cache evictions it calls for, after checking that it is authentic. Each ERP's
 * factory supplies its parser: the ERP's own format where it sends one (Business Central,
 * SAP), else {@link SignedChangeEvents}. Anything not authentic or not well-formed is an
 * {@link ErpEventException}, and nothing is evicted.
 */
@FunctionalInterface
public interface ErpEventParser {

    /**
     * @param erpSystemId the system the event is for
     * @param body the raw body, exactly as received (signatures are over these bytes)
     * @param headers the request's headers by name (case-insensitive), null when absent
     * @param secret the system's {@code erp.systems.<id>.events.secret}
     */
    List<ErpEviction> evictions(String erpSystemId, byte[] body, UnaryOperator<String> headers, String secret);

}
