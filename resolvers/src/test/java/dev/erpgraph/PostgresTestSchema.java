package dev.erpgraph;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fresh schema on the PostgreSQL at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}) for one store test class, dropped afterwards, so that runs never
 * collide. Skipped when PostgreSQL is unreachable, unless
 * {@code ERPGRAPH_TEST_POSTGRES=required} or {@code CI=true}: then that is a failure.
 */
public final class PostgresTestSchema {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    static final String USER = "postgres";

    private PostgresTestSchema() {
    }

    /** A schema name no other run uses, e.g. {@code crm_test_1a2b3c4d5e6f}. */
    public static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    public static void require() {
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

    /** The datasource and Flyway of the test's context, on {@code schema}. */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    public static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
        catch (SQLException ex) {
            // Unreachable: require() has already said so.
        }
    }

}
