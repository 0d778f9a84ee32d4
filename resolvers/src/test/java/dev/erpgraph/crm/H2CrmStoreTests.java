package dev.erpgraph.crm;

/**
 * The store on the embedded default: H2 in PostgreSQL mode
 * (src/test/resources/application.properties).
 */
class H2CrmStoreTests extends CrmStoreTests {

}
