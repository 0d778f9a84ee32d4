package dev.erpgraph;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need the PostgreSQL at 127.0.0.1:5432: they run whenever it
 * is reachable, are skipped on a machine without it, and fail instead when
 * {@code ERPGRAPH_TEST_POSTGRES=required} or {@code CI=true}, so that CI never passes by
 * skipping them.
 */
public final class TestPostgres {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public static final String USER = "postgres";

    private TestPostgres() {
    }

    public static void require() {
        try (Connection ignored = DriverManager.getConnection(URL + "?connectTimeout=2", USER, "")) {
            // reachable
        }
        catch (SQLException ex) {
            boolean required = "required".equals(System.getenv("ERPGRAPH_TEST_POSTGRES"))
                    || "true".equals(System.getenv("CI"));
            if (required) {
                throw new AssertionError("PostgreSQL at " + URL + " is required here but unreachable", ex);
            }
            Assumptions.abort("PostgreSQL at " + URL + " is unreachable: " + ex.getMessage());
        }
    }

}
