package dev.erpgraph.crm.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.JdbcRows;
import dev.erpgraph.crm.relay.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads {@code Account.contacts} pages for all accounts of a request at once: one
 * statement for the rows of every page ({@code row_number()} per account) and one for the
 * totals, per distinct {@code (first, after)}. Both keep to the caller's
 * {@link AccountScope}, though the accounts asked for were read under it already.
 */
@Component
public class ContactPagesLoader {

    /** The DataLoader's name, for {@code DataFetchingEnvironment#getDataLoader}. */
    static final String NAME = "contactPages";

    static final RowMapper<Contact> ROW_MAPPER = ContactPagesLoader::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public ContactPagesLoader(NamedParameterJdbcTemplate jdbc, BatchLoaderRegistry registry) {
        this.jdbc = jdbc;
        registry.<Key, Connection<Contact>>forName(NAME)
            .registerMappedBatchLoader(
                    (keys, env) -> Mono.fromCallable(() -> load(Caller.current().accountScope(), keys)));
    }

    /** One account's page; a record, so that equal requests share one entry. */
    public record Key(long accountId, PageRequest page) {
    }

    /** Public for the store tests, which run this SQL on H2 and PostgreSQL. */
    public Map<Key, Connection<Contact>> load(AccountScope scope, Set<Key> keys) {
        Map<Key, Connection<Contact>> result = new HashMap<>();
        Map<PageRequest, List<Key>> byPage = keys.stream()
            .collect(Collectors.groupingBy(Key::page, LinkedHashMap::new, Collectors.toList()));
        byPage.forEach((page, group) -> {
            List<Long> accountIds = group.stream().map(Key::accountId).toList();
            MapSqlParameterSource params = new MapSqlParameterSource("ids", accountIds)
                .addValue("after", page.afterId())
                .addValue("limit", page.fetchSize());
            String scoped = scope.onAccountOf("c.account_id", params);
            Map<Long, List<Contact>> rows = jdbc
                .query("select * from (select c.*, row_number() over (partition by c.account_id order by c.id) rn"
                        + " from contacts c where c.account_id in (:ids) and c.id > :after" + scoped + ") p"
                        + " where p.rn <= :limit order by p.account_id, p.id", params, ROW_MAPPER)
                .stream()
                .collect(Collectors.groupingBy(Contact::accountId));
            Map<Long, Integer> totals = new HashMap<>();
            jdbc.query("select c.account_id, count(*) n from contacts c where c.account_id in (:ids)" + scoped
                    + " group by c.account_id", params, rs -> {
                        totals.put(rs.getLong("account_id"), rs.getInt("n"));
                    });
            for (Key key : group) {
                result.put(key, Connection.of(rows.getOrDefault(key.accountId(), List.of()), page,
                        totals.getOrDefault(key.accountId(), 0), Contact::id));
            }
        });
        return result;
    }

    private static Contact mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("account_id"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("phone"), rs.getString("title"),
                rs.getString("role"), JdbcRows.instant(rs, "created_at"), JdbcRows.instant(rs, "updated_at"),
                rs.getInt("version"));
    }

}
