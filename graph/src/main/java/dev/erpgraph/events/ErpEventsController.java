package dev.erpgraph.events;

import java.util.List;
import java.util.Map;

import dev.erpgraph.changes.ErpChanges;
import dev.erpgraph.erp.events.ErpEventException;
import dev.erpgraph.erp.events.ErpEvents;
import dev.erpgraph.erp.gateway.ErpEviction;
import dev.erpgraph.erp.gateway.ErpGateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /erp-events/{erpSystemId}}: an ERP's change notification evicts the cache
 * entries it makes wrong, here and, through {@link ClusterEvictions}, on every other
 * replica, and the subscriptions watching what changed hear of it. Business Central's
 * subscription handshake ({@code ?validationToken=}) is answered by echoing the token.
 * Answers: 202 accepted (with the number of evictions), 400 malformed, 401/403
 * unauthenticated or wrong secret, 404 unknown system; errors as {@code {"error",
 * "message"}}, never a stack trace.
 */
@RestController
class ErpEventsController {

    /** Longer than any token BC sends; anything longer is not a handshake. */
    private static final int MAX_TOKEN_LENGTH = 1024;

    private final ErpEvents events;

    private final ErpGateway gateway;

    private final ClusterEvictions cluster;

    private final ErpChanges changes;

    ErpEventsController(ErpEvents events, ErpGateway gateway, ClusterEvictions cluster, ErpChanges changes) {
        this.events = events;
        this.gateway = gateway;
        this.cluster = cluster;
        this.changes = changes;
    }

    @PostMapping("/erp-events/{erpSystemId}")
    ResponseEntity<?> receive(@PathVariable String erpSystemId, @RequestParam(required = false) String validationToken,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        if (validationToken != null) {
            if (!events.knows(erpSystemId)) {
                return error(HttpStatus.NOT_FOUND, "no ERP system '" + erpSystemId + "'");
            }
            if (validationToken.isEmpty() || validationToken.length() > MAX_TOKEN_LENGTH) {
                return error(HttpStatus.BAD_REQUEST,
                        "validationToken must be 1 to " + MAX_TOKEN_LENGTH + " characters");
            }
            return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .header("X-Content-Type-Options", "nosniff")
                .body(validationToken);
        }
        // Read (and authenticate) all of it first: a refused event evicts nothing.
        List<ErpEviction> evictions = events.read(erpSystemId, headers::getFirst, body);
        evictions.forEach(gateway::evict);
        cluster.publish(evictions);
        // After the eviction: a subscriber's new value is read from the ERP, not the
        // cache.
        changes.applied(evictions);
        return ResponseEntity.accepted().body(Map.of("evictions", evictions.size()));
    }

    @ExceptionHandler(ErpEventException.class)
    ResponseEntity<Map<String, String>> refused(ErpEventException refused) {
        return error(HttpStatus.valueOf(refused.status()), refused.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", status.name(), "message", message));
    }

}
