package dev.erpgraph.crm.relay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Column reads shared by the hand-written row mappers of the page queries. */
public final class JdbcRows {

    private JdbcRows() {
    }

    /**
     * Both drivers (PostgreSQL, H2) read {@code timestamp with time zone} as an
     * {@link OffsetDateTime}.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    /** A nullable integer column. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

}
