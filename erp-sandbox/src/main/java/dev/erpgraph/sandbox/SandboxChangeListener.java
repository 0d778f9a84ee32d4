package dev.erpgraph.sandbox;

/**
 * Told of every change applied to a sandbox's data, after it is applied: the hook through
 * which a sandbox sends the change notification its real ERP would send.
 */
public interface SandboxChangeListener {

    void changed(Sandbox sandbox, SandboxChange change);

}
