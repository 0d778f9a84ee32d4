package dev.erpgraph.erpfields;

import dev.erpgraph.erp.gateway.ErpGateway;
import dev.erpgraph.erp.gateway.ErpResource;
import dev.erpgraph.erp.gateway.ErpSystems;
import dev.erpgraph.sandbox.Sandbox;
import dev.erpgraph.sandbox.SandboxFaults;
import dev.erpgraph.sandbox.SandboxRegistry;

/**
 * Where a test that counts ERP requests starts and ends: every sandbox calm and its
 * counts zeroed, every cached ERP value of every system evicted.
 */
public final class ColdErps {

    private ColdErps() {
    }

    public static void reset(SandboxRegistry sandboxes, ErpGateway gateway) {
        for (Sandbox sandbox : sandboxes.all()) {
            sandbox.faults(SandboxFaults.defaults(0, 0));
            sandbox.stats().reset();
        }
        for (ErpSystems.ErpSystem system : gateway.systems().all()) {
            for (ErpResource resource : ErpResource.values()) {
                gateway.evictAll(system.id(), resource);
            }
        }
    }

}
