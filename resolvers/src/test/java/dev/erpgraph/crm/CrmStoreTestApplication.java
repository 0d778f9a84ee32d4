package dev.erpgraph.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The configuration the store slice tests of this module boot from (the application lives
 * in `graph`).
 */
@SpringBootApplication
class CrmStoreTestApplication {

}
