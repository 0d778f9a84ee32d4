package dev.erpgraph.ordersubmission;

/**
 * The order outbox on the embedded default: H2 in PostgreSQL mode
 * (src/test/resources/application.properties).
 */
class H2OrderSubmissionStoreTests extends OrderSubmissionStoreTests {

}
