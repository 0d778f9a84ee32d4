package dev.erpgraph.audit;

/**
 * The access log on the embedded default: H2 in PostgreSQL mode
 * (src/test/resources/application.properties).
 */
class H2AccessLogStoreTests extends AccessLogStoreTests {

}
