package dev.erpgraph.sandbox;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API beside every sandbox's wire API (API-CONTRACT.md): faults, stats,
 * changes, the orders created through the wire API, and token revocation for testing a
 * connector's refresh.
 */
@RestController
@RequestMapping("/sandbox/{id}/_admin")
@ConditionalOnSandboxMode
class SandboxAdminController {

    private final SandboxRegistry registry;

    private final List<SandboxChangeListener> listeners;

    SandboxAdminController(SandboxRegistry registry, List<SandboxChangeListener> listeners) {
        this.registry = registry;
        this.listeners = listeners;
    }

    @GetMapping("/faults")
    SandboxFaults faults(@PathVariable String id) {
        return sandbox(id).faults();
    }

    /**
     * Merges the given fields into the current faults; fields left out keep their value.
     */
    @PutMapping("/faults")
    SandboxFaults setFaults(@PathVariable String id, @RequestBody Map<String, Object> body) {
        Sandbox sandbox = sandbox(id);
        SandboxFaults old = sandbox.faults();
        try {
            SandboxFaults faults = new SandboxFaults(number(body, "latencyMs", old.latencyMs()).longValue(),
                    number(body, "latencyJitterMs", old.latencyJitterMs()).longValue(), flag(body, "down", old.down()),
                    number(body, "errorRate", old.errorRate()).doubleValue(), flag(body, "malformed", old.malformed()),
                    number(body, "rateLimitNext", old.rateLimitNext()).intValue(),
                    number(body, "retryAfterSeconds", old.retryAfterSeconds()).intValue(),
                    number(body, "tokenTtlSeconds", old.tokenTtlSeconds()).longValue(),
                    number(body, "commitThenFail", old.commitThenFail()).doubleValue());
            if (faults.errorRate() < 0 || faults.errorRate() > 1 || faults.commitThenFail() < 0
                    || faults.commitThenFail() > 1 || faults.latencyMs() < 0) {
                throw new IllegalArgumentException(
                        "errorRate and commitThenFail must be within 0..1 and latencyMs not negative");
            }
            sandbox.faults(faults);
            return faults;
        }
        catch (ClassCastException | IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
    }

    @GetMapping("/stats")
    SandboxStats.Snapshot stats(@PathVariable String id) {
        return sandbox(id).stats().snapshot();
    }

    @DeleteMapping("/stats")
    ResponseEntity<Void> resetStats(@PathVariable String id) {
        sandbox(id).stats().reset();
        return ResponseEntity.noContent().build();
    }

    /**
     * Every order created through the wire API, oldest first, with the reference the ERP
     * keeps in its own field: what a test counts to prove an order was made exactly once.
     */
    @GetMapping("/created-orders")
    Map<String, List<CreatedOrders.View>> createdOrders(@PathVariable String id) {
        Sandbox sandbox = sandbox(id);
        return Map.of("orders", sandbox.createdOrders().views(sandbox));
    }

    @PostMapping("/tokens/revoke")
    ResponseEntity<Void> revokeTokens(@PathVariable String id) {
        sandbox(id).tokens().revokeAll();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/changes")
    ResponseEntity<SandboxChange> change(@PathVariable String id, @RequestBody SandboxChange change) {
        Sandbox sandbox = sandbox(id);
        DistributorDataSet data = sandbox.data();
        SandboxErp erp = sandbox.erp();
        switch (change.type() == null ? "" : change.type()) {
            case "inventory" -> {
                require(change.sku() != null && change.warehouse() != null && change.onHand() != null,
                        "inventory needs sku, warehouse and onHand");
                require(data.item(change.sku()).isPresent(), "unknown sku " + change.sku());
                data.setOnHand(change.sku(), change.warehouse(), change.onHand());
            }
            case "credit" -> {
                int index = erp.customerIndex(String.valueOf(change.customerNumber()))
                    .orElseThrow(() -> bad("unknown customerNumber " + change.customerNumber()));
                data.setCredit(index, change.creditLimit(), change.balance(), change.onHold());
            }
            case "order" -> {
                int sequence = erp.orderSequence(String.valueOf(change.orderNumber()))
                    .orElseThrow(() -> bad("unknown orderNumber " + change.orderNumber()));
                require(change.status() != null, "order needs a status, one of " + List.of(OrderStatus.values()));
                data.setOrderStatus(sequence, change.status());
            }
            case "price" -> {
                require(change.sku() != null && change.listPrice() != null, "price needs sku and listPrice");
                require(data.item(change.sku()).isPresent(), "unknown sku " + change.sku());
                data.setListPrice(change.sku(), change.listPrice());
            }
            default -> throw bad("type must be one of inventory, credit, order, price");
        }
        listeners.forEach(listener -> listener.changed(sandbox, change));
        return ResponseEntity.accepted().body(change);
    }

    private Sandbox sandbox(String id) {
        return registry.find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no sandbox '" + id + "'"));
    }

    private static Number number(Map<String, Object> body, String key, Number fallback) {
        Object value = body.get(key);
        return value == null ? fallback : (Number) value;
    }

    private static boolean flag(Map<String, Object> body, String key, boolean fallback) {
        Object value = body.get(key);
        return value == null ? fallback : (Boolean) value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw bad(message);
        }
    }

    private static ResponseStatusException bad(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }

}
