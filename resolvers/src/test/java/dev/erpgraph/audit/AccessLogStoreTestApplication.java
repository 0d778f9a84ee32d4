package dev.erpgraph.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration the access-log store tests boot from (the application lives in
 * `graph`).
 */
@SpringBootApplication
class AccessLogStoreTestApplication {

}
