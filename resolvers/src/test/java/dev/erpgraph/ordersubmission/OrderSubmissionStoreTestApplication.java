package dev.erpgraph.ordersubmission;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration the order outbox store tests boot from (the application lives in
 * `graph`).
 */
@SpringBootApplication
class OrderSubmissionStoreTestApplication {

}
