package dev.erpgraph.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.JdbcRows;
import dev.erpgraph.crm.relay.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of one account's access log, newest first: keyset pagination on the row id
 * descending, so a cursor is the id of the last entry seen and the next page holds the
 * older ones (index {@code access_log_account_newest}). An account outside the caller's
 * {@link AccountScope}, or one that does not exist, has an empty log. Reads only: see
 * {@link AccessLogWriter}.
 */
@Component
public class AccessLogPages {

    private static final RowMapper<AccessLogEntry> ROW_MAPPER = AccessLogPages::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public AccessLogPages(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page. {@code AccessLogConnection} has no {@code totalCount}, so none is
     * counted.
     */
    public Connection<AccessLogEntry> find(AccountScope scope, long accountId, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("account", accountId)
            .addValue("limit", page.fetchSize());
        String older = "";
        if (page.hasAfter()) {
            older = " and l.id < :after";
            params.addValue("after", page.afterId());
        }
        List<AccessLogEntry> rows = jdbc.query(
                "select l.* from access_log l where l.account_id = :account" + older
                        + scope.onAccountOf("l.account_id", params) + " order by l.id desc limit :limit",
                params, ROW_MAPPER);
        return Connection.of(rows, page, 0, AccessLogEntry::id);
    }

    private static AccessLogEntry mapRow(ResultSet rs, int rowNum) throws SQLException {
        List<AccessedData> kinds = Arrays.stream(rs.getString("data_kinds").split(" "))
            .map(AccessedData::valueOf)
            .toList();
        return new AccessLogEntry(rs.getLong("id"), JdbcRows.instant(rs, "at"), rs.getString("principal"),
                PrincipalKind.valueOf(rs.getString("principal_kind")), rs.getString("partner_id"),
                rs.getLong("account_id"), kinds, rs.getString("request_id"));
    }

}
