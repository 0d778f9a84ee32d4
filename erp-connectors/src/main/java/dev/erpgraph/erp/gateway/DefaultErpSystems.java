package dev.erpgraph.erp.gateway;

import java.util.Map;

import dev.erpgraph.erp.config.ErpSystemProperties;

/**
 * The systems to read when {@code erp.systems} is empty: the one seam through which an
 * application supplies ERP systems of its own making (the demo's sandboxes), so that this
 * module knows nothing of them. Without such a bean and without {@code erp.systems}, no
 * ERP is read.
 */
@FunctionalInterface
public interface DefaultErpSystems {

    /**
     * The systems by id, as {@code erp.systems} would give them; a base URL may hold
     * placeholders resolved at call time (e.g. {@code ${local.server.port}}).
     */
    Map<String, ErpSystemProperties> systems();

}
