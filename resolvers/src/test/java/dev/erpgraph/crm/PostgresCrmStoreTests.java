package dev.erpgraph.crm;

import dev.erpgraph.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store on PostgreSQL, in a fresh schema of its own ({@link PostgresTestSchema}).
 */
class PostgresCrmStoreTests extends CrmStoreTests {

    static final String SCHEMA = PostgresTestSchema.fresh("crm_test_");

    @BeforeAll
    static void requirePostgres() {
        PostgresTestSchema.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestSchema.register(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        PostgresTestSchema.drop(SCHEMA);
    }

}
