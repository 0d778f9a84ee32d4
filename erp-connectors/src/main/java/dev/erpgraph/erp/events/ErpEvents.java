package dev.erpgraph.erp.events;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.erp.sap.SapBusinessEvents;

import org.springframework.stereotype.Component;

/**
 * Reads the change event an ERP system posts to {@code POST /erp-events/<id>} into the
 * cache evictions it calls for, with the {@link ErpEventParser} of the system's ERP (its
 * factory's): Business Central webhook notifications, SAP business events (CloudEvents),
 * and for NetSuite, SX.e and P21, whose APIs send nothing, the signed JSON event of
 * {@link SignedChangeEvents}. Every event is authenticated with the system's
 * {@code erp.systems.<id>.events.secret}: a system without one accepts no events. An
 * event that is not authentic or not well-formed is refused whole with an
 * {@link ErpEventException} and evicts nothing.
 */
@Component
public final class ErpEvents {

    /** The header of signed events: {@code sha256=<hex HMAC-SHA256 of the raw body>}. */
    public static final String SIGNATURE_HEADER = SignedChangeEvents.HEADER;

    private final ErpSystems systems;

    public ErpEvents(ErpSystems systems) {
        this.systems = systems;
    }

    /**
     * Whether the id names a configured system (for Business Central's validation
     * handshake).
     */
    public boolean knows(String erpSystemId) {
        return systems.find(erpSystemId).isPresent();
    }

    /**
     * @param headers the request's headers by name (case-insensitive), null when absent
     * @param body the raw body, exactly as received (signatures are over these bytes)
     */
    public List<ErpEviction> read(String erpSystemId, UnaryOperator<String> headers, byte[] body) {
        ErpSystems.ErpSystem system = systems.find(erpSystemId)
            .orElseThrow(() -> ErpEventException.unknownSystem(erpSystemId));
        String secret = system.properties().events().secret();
        if (secret == null || secret.isBlank()) {
            throw ErpEventException.forbidden(
                    "erp.systems." + erpSystemId + ".events.secret is not configured: this system accepts no events");
        }
        return system.factory().eventParser().evictions(erpSystemId, body, headers, secret);
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for a body: what a deployment's script or
     * poller sends.
     */
    public static String signature(byte[] body, String secret) {
        return SignedChangeEvents.sign(body, secret);
    }

    /**
     * The Authorization header SAP Event Mesh's webhook sends (Basic, the secret as
     * password): {@link SapBusinessEvents#authorization}, kept here for senders that
     * build every ERP's event in one place.
     */
    public static String sapAuthorization(String secret) {
        return SapBusinessEvents.authorization(secret);
    }

}
