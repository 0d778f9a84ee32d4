package dev.erpgraph.audit;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.erpgraph.access.AccountScope;
import dev.erpgraph.access.PrincipalKind;
import dev.erpgraph.crm.relay.Connection;
import dev.erpgraph.crm.relay.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log against a real database: the writer's batches, its drain on stop, and
 * the newest-first pages. Subclasses pick the database (H2 always; PostgreSQL when
 * reachable). The writer writes on its own connections, so its rows are committed while
 * the test's accounts roll back; every test logs accounts of its own.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(AccessLogPages.class)
abstract class AccessLogStoreTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLogPages pages;

    private final List<AccessLogWriter> writers = new ArrayList<>();

    @AfterEach
    void stopWriters() {
        writers.stream().filter(AccessLogWriter::isRunning).forEach(AccessLogWriter::stop);
    }

    @Test
    void readsOneAccountsEntriesNewestFirstWithCursors() throws Exception {
        long account = account("partner-1");
        long other = account(null);
        AccessLogWriter writer = started(2, Duration.ofMillis(200));
        for (int i = 1; i <= 5; i++) {
            writer.record(List.of(entry(account, "r" + i, AccessedData.CRM, AccessedData.ORDERS)));
        }
        writer.record(List.of(entry(other, "r6", AccessedData.CRM),
                new AccessLogEntry(null, NOW, "partner-portal", PrincipalKind.PARTNER, "partner-1", account,
                        List.of(AccessedData.CRM, AccessedData.INVENTORY, AccessedData.PRICES), "r7")));
        writer.flush();

        Connection<AccessLogEntry> first = pages.find(AccountScope.ALL, account, PageRequest.of(2, null));
        assertThat(first.nodes()).extracting(AccessLogEntry::requestId).containsExactly("r7", "r5");
        assertThat(first.nodes().get(0)).satisfies(entry -> {
            assertThat(entry.at()).isEqualTo(NOW);
            assertThat(entry.principal()).isEqualTo("partner-portal");
            assertThat(entry.principalKind()).isEqualTo(PrincipalKind.PARTNER);
            assertThat(entry.partnerId()).isEqualTo("partner-1");
            assertThat(entry.accountId()).isEqualTo(account);
            assertThat(entry.dataKinds()).containsExactly(AccessedData.CRM, AccessedData.INVENTORY,
                    AccessedData.PRICES);
        });
        assertThat(first.nodes().get(1).principalKind()).isEqualTo(PrincipalKind.USER);
        assertThat(first.nodes().get(1).partnerId()).isNull();
        assertThat(first.pageInfo().hasNextPage()).isTrue();
        assertThat(first.pageInfo().hasPreviousPage()).isFalse();

        Connection<AccessLogEntry> second = pages.find(AccountScope.ALL, account,
                PageRequest.of(2, first.pageInfo().endCursor()));
        assertThat(second.nodes()).extracting(AccessLogEntry::requestId).containsExactly("r4", "r3");
        Connection<AccessLogEntry> last = pages.find(AccountScope.ALL, account,
                PageRequest.of(2, second.pageInfo().endCursor()));
        assertThat(last.nodes()).extracting(AccessLogEntry::requestId).containsExactly("r2", "r1");
        assertThat(last.pageInfo().hasNextPage()).isFalse();
        assertThat(last.pageInfo().hasPreviousPage()).isTrue();
    }

    @Test
    void showsAPartnerOnlyTheLogOfItsOwnAccounts() throws Exception {
        long own = account("partner-1");
        long others = account("partner-2");
        AccessLogWriter writer = started(500, Duration.ofMillis(200));
        writer.record(List.of(entry(own, "r1", AccessedData.CRM), entry(others, "r1", AccessedData.CRM)));
        writer.flush();

        AccountScope partner = AccountScope.ofPartner("partner-1");
        assertThat(pages.find(partner, own, PageRequest.of(10, null)).nodes()).hasSize(1);
        assertThat(pages.find(partner, others, PageRequest.of(10, null)).nodes()).isEmpty();
        assertThat(pages.find(AccountScope.ALL, others, PageRequest.of(10, null)).nodes()).hasSize(1);
        assertThat(pages.find(AccountScope.ALL, Long.MAX_VALUE, PageRequest.of(10, null)).nodes()).isEmpty();
    }

    @Test
    void writesEverythingQueuedWhenStoppedAndWhatComesAfterAtOnce() {
        long account = account(null);
        // Batches that would wait an hour to fill up: only the stop writes the last one.
        AccessLogWriter writer = started(500, Duration.ofHours(1));
        for (int i = 0; i < 1234; i++) {
            writer.record(List.of(entry(account, "r" + i, AccessedData.CRM)));
        }
        writer.stop();
        assertThat(count(account)).isEqualTo(1234);

        writer.record(List.of(entry(account, "late", AccessedData.CRM)));
        assertThat(count(account)).isEqualTo(1235);
    }

    private AccessLogWriter started(int batchSize, Duration flushInterval) {
        AccessLogWriter writer = new AccessLogWriter(jdbc,
                new AuditProperties(10000, batchSize, flushInterval, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        writer.start();
        writers.add(writer);
        return writer;
    }

    private long account(String partnerId) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", "Audited");
        row.put("partner_id", partnerId);
        row.put("created_at", Timestamp.from(NOW));
        row.put("updated_at", Timestamp.from(NOW));
        row.put("version", 0);
        return new SimpleJdbcInsert(jdbc).withTableName("accounts")
            .usingGeneratedKeyColumns("id")
            .executeAndReturnKey(row)
            .longValue();
    }

    private Integer count(long account) {
        return jdbc.queryForObject("select count(*) from access_log where account_id = ?", Integer.class, account);
    }

    private static AccessLogEntry entry(long account, String requestId, AccessedData... kinds) {
        return new AccessLogEntry(null, NOW, "demo-manager", PrincipalKind.USER, null, account, List.of(kinds),
                requestId);
    }

}
