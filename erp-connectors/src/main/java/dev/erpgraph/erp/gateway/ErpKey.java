package dev.erpgraph.erp.gateway;

/** A key the gateway routes: it says which ERP system answers it. */
public interface ErpKey {

    String erpSystemId();

}
