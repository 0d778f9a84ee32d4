package dev.erpgraph.sandbox;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandboxes this application serves: in the demo, one per ERP kind under its default
 * id. Sandbox controllers look their sandbox up here by the id in the path.
 */
public final class SandboxRegistry {

    private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

    public SandboxRegistry(List<SandboxErp> erps, long seed, SandboxFaults initialFaults, Clock clock) {
        for (SandboxErp erp : erps) {
            // Each sandbox has its own data, derived from the one demo seed: stable
            // across runs, distinct per ERP.
            long sandboxSeed = seed * 31 + erp.kind().ordinal();
            sandboxes.put(erp.defaultSystemId(), new Sandbox(erp.defaultSystemId(), erp,
                    new DistributorDataSet(sandboxSeed), initialFaults, new SandboxTokens(clock), sandboxSeed, clock));
        }
    }

    public Collection<Sandbox> all() {
        return sandboxes.values();
    }

    public Optional<Sandbox> find(String id) {
        return Optional.ofNullable(sandboxes.get(id));
    }

    /**
     * The sandbox of that id if it is of that kind: a controller of one ERP never serves
     * another's id.
     */
    public Optional<Sandbox> find(String id, SandboxKind kind) {
        return find(id).filter(sandbox -> sandbox.erp().kind() == kind);
    }

}
