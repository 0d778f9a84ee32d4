package dev.erpgraph.crm.opportunity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.Caller;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.GlobalId;
import dev.erpgraph.crm.relay.JdbcRows;
import dev.erpgraph.crm.relay.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages of opportunities under an {@link OpportunityFilter}: across all accounts
 * ({@code Query.opportunities}) and per account ({@code Account.opportunities}, as the
 * {@value #PER_ACCOUNT} DataLoader). Either way two statements (rows and totals) per
 * distinct {@code (first, after, filter)}, however many accounts are asked. Both keep to
 * the caller's {@link AccountScope}.
 */
@Component
public class OpportunityPages {

    /** The DataLoader's name, for {@code DataFetchingEnvironment#getDataLoader}. */
    static final String PER_ACCOUNT = "accountOpportunityPages";

    static final RowMapper<Opportunity> ROW_MAPPER = OpportunityPages::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public OpportunityPages(NamedParameterJdbcTemplate jdbc, BatchLoaderRegistry registry) {
        this.jdbc = jdbc;
        registry.<Key, Connection<Opportunity>>forName(PER_ACCOUNT)
            .registerMappedBatchLoader(
                    (keys, env) -> Mono.fromCallable(() -> loadPerAccount(Caller.current().accountScope(), keys)));
    }

    /** One account's page; the filter's {@code accountId} is ignored here. */
    public record Key(long accountId, PageRequest page, OpportunityFilter filter) {
    }

    /** Keys that share page arguments and filter share one statement. */
    private record Group(PageRequest page, OpportunityFilter filter) {
    }

    /**
     * One page; the total is counted only when {@code countTotal}, as for accounts, and
     * is 0 otherwise.
     */
    public Connection<Opportunity> find(AccountScope scope, OpportunityFilter filter, PageRequest page,
            boolean countTotal) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where 1 = 1").append(scope.onAccountOf("o.account_id", params));
        if (filter != null && filter.accountId() != null) {
            where.append(" and o.account_id = :account");
            params.addValue("account", GlobalId.decode(filter.accountId(), GlobalId.ACCOUNT, "filter.accountId"));
        }
        appendCriteria(filter, where, params);
        Integer total = countTotal
                ? jdbc.queryForObject("select count(*) from opportunities o" + where, params, Integer.class) : 0;
        params.addValue("after", page.afterId()).addValue("limit", page.fetchSize());
        List<Opportunity> rows = jdbc.query(
                "select o.* from opportunities o" + where + " and o.id > :after order by o.id limit :limit", params,
                ROW_MAPPER);
        return Connection.of(rows, page, (total != null) ? total : 0, Opportunity::id);
    }

    /** Public for the store tests, which run this SQL on H2 and PostgreSQL. */
    public Map<Key, Connection<Opportunity>> loadPerAccount(AccountScope scope, Set<Key> keys) {
        Map<Key, Connection<Opportunity>> result = new HashMap<>();
        Map<Group, List<Key>> groups = keys.stream()
            .collect(Collectors.groupingBy(key -> new Group(key.page(), key.filter()), LinkedHashMap::new,
                    Collectors.toList()));
        for (List<Key> group : groups.values()) {
            PageRequest page = group.get(0).page();
            MapSqlParameterSource params = new MapSqlParameterSource("ids",
                    group.stream().map(Key::accountId).toList());
            StringBuilder where = new StringBuilder(" where o.account_id in (:ids)")
                .append(scope.onAccountOf("o.account_id", params));
            appendCriteria(group.get(0).filter(), where, params);
            params.addValue("after", page.afterId()).addValue("limit", page.fetchSize());
            Map<Long, List<Opportunity>> rows = jdbc
                .query("select * from (select o.*, row_number() over (partition by o.account_id order by o.id) rn"
                        + " from opportunities o" + where + " and o.id > :after) p"
                        + " where p.rn <= :limit order by p.account_id, p.id", params, ROW_MAPPER)
                .stream()
                .collect(Collectors.groupingBy(Opportunity::accountId));
            Map<Long, Integer> totals = new HashMap<>();
            jdbc.query("select o.account_id, count(*) n from opportunities o" + where + " group by o.account_id",
                    params, rs -> {
                        totals.put(rs.getLong("account_id"), rs.getInt("n"));
                    });
            for (Key key : group) {
                result.put(key, Connection.of(rows.getOrDefault(key.accountId(), List.of()), page,
                        totals.getOrDefault(key.accountId(), 0), Opportunity::id));
            }
        }
        return result;
    }

    private static void appendCriteria(OpportunityFilter filter, StringBuilder where, MapSqlParameterSource params) {
        if (filter == null) {
            return;
        }
        if (filter.stage() != null) {
            if (filter.stage().isEmpty()) {
                where.append(" and 1 = 0");
            }
            else {
                where.append(" and o.stage in (:stages)");
                params.addValue("stages", filter.stage().stream().map(Enum::name).toList());
            }
        }
        if (filter.closeDateFrom() != null) {
            where.append(" and o.close_date >= :closeFrom");
            params.addValue("closeFrom", filter.closeDateFrom());
        }
        if (filter.closeDateTo() != null) {
            where.append(" and o.close_date <= :closeTo");
            params.addValue("closeTo", filter.closeDateTo());
        }
    }

    private static Opportunity mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Opportunity(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"),
                OpportunityStage.valueOf(rs.getString("stage")), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getObject("close_date", LocalDate.class), JdbcRows.integer(rs, "probability"),
                rs.getString("owner_id"), rs.getString("erp_system_id"), rs.getString("erp_order_number"),
                JdbcRows.instant(rs, "created_at"), JdbcRows.instant(rs, "updated_at"), rs.getInt("version"));
    }

}
