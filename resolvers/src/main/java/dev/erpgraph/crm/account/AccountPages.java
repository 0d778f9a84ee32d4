package dev.erpgraph.crm.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.JdbcRows;
import dev.erpgraph.crm.relay.PageRequest;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of accounts under an {@link AccountFilter}: one statement for the rows and, when
 * the client asks for {@code totalCount}, one for the total, whatever the filter. Both
 * keep to the caller's {@link AccountScope}. Plain SQL because the filter is dynamic; it
 * is portable between PostgreSQL and H2.
 */
@Component
public class AccountPages {

    static final RowMapper<Account> ROW_MAPPER = AccountPages::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public AccountPages(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page. The total visits every matching account, not just the page's, and it runs
     * before the page's ERP reads can start; so it is counted only when
     * {@code countTotal} (the client selected {@code totalCount}), and is 0, never
     * rendered, otherwise.
     */
    public Connection<Account> find(AccountScope scope, AccountFilter filter, PageRequest page, boolean countTotal) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(scope, filter, params);
        Integer total = countTotal
                ? jdbc.queryForObject("select count(*) from accounts a" + where, params, Integer.class) : 0;
        params.addValue("after", page.afterId()).addValue("limit", page.fetchSize());
        List<Account> rows = jdbc.query("select a.* from accounts a" + where + (where.isEmpty() ? " where" : " and")
                + " a.id > :after order by a.id limit :limit", params, ROW_MAPPER);
        return Connection.of(rows, page, (total != null) ? total : 0, Account::id);
    }

    private static String where(AccountScope scope, AccountFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(scope.onAccounts("a", params));
        if (filter == null) {
            return sql.isEmpty() ? "" : " where" + sql.substring(4);
        }
        if (filter.nameContains() != null && !filter.nameContains().isEmpty()) {
            sql.append(" and lower(a.name) like :name escape '\\'");
            params.addValue("name", "%" + escapeLike(filter.nameContains().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.ownerId() != null) {
            sql.append(" and a.owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        if (filter.erpSystemId() != null) {
            sql.append(" and exists (select 1 from erp_customer_links l"
                    + " where l.account_id = a.id and l.erp_system_id = :erp)");
            params.addValue("erp", filter.erpSystemId());
        }
        return sql.isEmpty() ? "" : " where" + sql.substring(4);
    }

    /** A name containing {@code %} or {@code _} means those characters, not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Account mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getString("industry"), rs.getString("website"),
                rs.getString("phone"), address(rs, "billing_"), address(rs, "shipping_"), rs.getString("owner_id"),
                rs.getString("partner_id"), JdbcRows.instant(rs, "created_at"), JdbcRows.instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static Address address(ResultSet rs, String prefix) throws SQLException {
        Address address = new Address(rs.getString(prefix + "street"), rs.getString(prefix + "city"),
                rs.getString(prefix + "region"), rs.getString(prefix + "postal_code"),
                rs.getString(prefix + "country"));
        boolean empty = address.street() == null && address.city() == null && address.region() == null
                && address.postalCode() == null && address.country() == null;
        return empty ? null : address;
    }

}
