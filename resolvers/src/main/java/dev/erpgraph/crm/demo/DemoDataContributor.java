package dev.erpgraph.crm.demo;

import java.util.List;

/**
 * The seam for more demo data built on the CRM demo accounts (e.g. the ERP customer links
 * of the sandbox ERPs). Every bean of this type is called once, in {@code @Order}, right
 * after the CRM demo data has been written, in the same transaction.
 */
@FunctionalInterface
public interface DemoDataContributor {

    /**
     * @param accountIds the demo accounts' ids in creation order (the same order on every
     * start: the data is generated from a fixed seed)
     */
    void contribute(List<Long> accountIds);

}
