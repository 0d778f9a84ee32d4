package dev.erpgraph.ordersubmission;

import dev.erpgraph.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order outbox on PostgreSQL, in a fresh schema of its own
 * ({@link PostgresTestSchema}).
 */
class PostgresOrderSubmissionStoreTests extends OrderSubmissionStoreTests {

    static final String SCHEMA = PostgresTestSchema.fresh("outbox_test_");

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
