package dev.erpgraph.crm.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book of business, seeded at startup into its own H2 database: its size and
 * spread, its determinism, and the hand-over to {@link DemoDataContributor}s.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:demoseed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
@Import({ DemoDataSeeder.class, DemoDataSeederTests.RecordingContributor.class, DemoDataSeederTests.Catalog.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DemoDataSeederTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RecordingContributor contributor;

    @Test
    void seedsTwelveHundredAccountsWithContactsOpportunitiesAndLines() {
        assertThat(count("select count(*) from accounts")).isEqualTo(1_200);
        assertThat(count("select count(distinct name) from accounts")).isEqualTo(1_200);
        assertThat(count("select count(distinct owner_id) from accounts")).isEqualTo(8);
        assertThat(count("select count(*) from contacts")).isBetween(3_000, 4_200);
        assertThat(count("select count(*) from opportunities")).isBetween(2_400, 3_600);
        assertThat(jdbc.queryForList("select distinct stage from opportunities order by stage", String.class))
            .containsExactly("CLOSED_LOST", "CLOSED_WON", "NEGOTIATION", "PROPOSAL", "PROSPECTING", "QUALIFICATION");
        assertThat(count("select min(c) from (select count(*) c from opportunity_lines group by opportunity_id) x"))
            .isEqualTo(1);
        assertThat(count("select max(c) from (select count(*) c from opportunity_lines group by opportunity_id) x"))
            .isEqualTo(4);
        assertThat(count("select count(*) from opportunities o where not exists"
                + " (select 1 from opportunity_lines l where l.opportunity_id = o.id)"))
            .isZero();
    }

    @Test
    void isTheSameOnEveryStart() {
        // A fixed seed and fixed dates: these values hold on every start, on every
        // machine.
        assertThat(jdbc.queryForObject("select name from accounts order by id limit 1", String.class))
            .isEqualTo(DemoDataSeederTests.FIRST_ACCOUNT);
        assertThat(jdbc.queryForObject("select sum(amount) from opportunities", String.class))
            .isEqualTo(DemoDataSeederTests.TOTAL_AMOUNT);
    }

    @Test
    void handsTheAccountIdsInCreationOrderToContributors() {
        assertThat(contributor.accountIds)
            .isEqualTo(jdbc.queryForList("select id from accounts order by id", Long.class));
    }

    static final String FIRST_ACCOUNT = "Twin Cities Mechanical Supply Group";

    static final String TOTAL_AMOUNT = "372292267.3700";

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return (n != null) ? n : 0;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingContributor implements DemoDataContributor {

        final List<Long> accountIds = new ArrayList<>();

        @Override
        public void contribute(List<Long> ids) {
            accountIds.addAll(ids);
        }

    }

    /**
     * A catalog of the demo's size (320 items): the seeder takes it from the application.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Catalog implements DemoCatalog {

        @Override
        public List<String> skus() {
            return IntStream.range(0, 320).mapToObj(i -> "SKU-" + (10_000 + i * 7)).toList();
        }

    }

}
