package dev.erpgraph.crm.demo;

import java.util.List;

/**
 * The item numbers the demo opportunities quote, supplied by the application that knows
 * which ERPs the demo reads (so that a demo line's live price resolves there): this
 * module knows no ERP's catalog.
 */
@FunctionalInterface
public interface DemoCatalog {

    /** The skus to quote, in a fixed order (the demo data is generated from a seed). */
    List<String> skus();

}
