package dev.erpgraph.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The access log on PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}), in a fresh schema that is dropped afterwards, so that runs never
 * collide. Skipped when PostgreSQL is unreachable, unless
 * {@code ERPGRAPH_TEST_POSTGRES=required} or {@code CI=true}: then that is a failure.
 */
class PostgresAccessLogStoreTests extends AccessLogStoreTests {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    static final String USER = "postgres";

    static final String SCHEMA = "audit_test_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

    @BeforeAll
    static void requirePostgres() {
        try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "")) {
            // reachable
        }
        catch (SQLException ex) {
            boolean required = "required".equals(System.getenv("ERPGRAPH_TEST_POSTGRES"))
                    || "true".equals(System.getenv("CI"));
            if (required) {
                fail("PostgreSQL at " + URL + " is required here but unreachable: " + ex.getMessage());
            }
            Assumptions.abort("PostgreSQL at " + URL + " is unreachable: " + ex.getMessage());
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        catch (SQLException ex) {
            // Unreachable: requirePostgres() has already said so.
        }
    }

}
