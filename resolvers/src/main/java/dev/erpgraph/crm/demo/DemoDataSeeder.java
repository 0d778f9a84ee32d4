package dev.erpgraph.crm.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A distributor's book of business for the demo: 1,200 Midwest contractor and
 * supply-house accounts with contacts, opportunities in every stage and their lines.
 * Generated from a fixed seed, so every start (and every test) sees the same data;
 * written with JDBC batches (well under a second on H2). Runs only into an empty
 * database, then hands the account ids to every {@link DemoDataContributor}.
 */
@Component
@Conditional(DemoDataEnabledCondition.class)
@Order(DemoDataSeeder.ORDER)
class DemoDataSeeder implements ApplicationRunner {

    /** Runners that need the demo data order themselves after this. */
    static final int ORDER = 0;

    static final int ACCOUNTS = 1_200;

    private static final long SEED = 20_260_613L;

    /**
     * Timestamps and close dates are fixed too, relative to this day, so the data never
     * drifts.
     */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static final Logger logger = LoggerFactory.getLogger(DemoDataSeeder.class);

    private static final String[] PLACES = { "Cuyahoga", "Maumee", "Sandusky", "Wabash", "Kalamazoo", "Saginaw",
            "Fox Valley", "Des Plaines", "Scioto", "Miami Valley", "Black Hawk", "Rock River", "Muskegon", "Huron",
            "Lake Erie", "Lakeshore", "Prairie State", "Heartland", "Great Lakes", "Tri-County", "Olentangy",
            "Cedar Valley", "Mahoning", "Tuscarawas", "Kankakee", "Wolverine", "Badger", "Hoosier", "Buckeye",
            "North Coast", "Western Reserve", "St. Joseph", "Grand River", "Mississippi Valley", "Twin Cities",
            "Iron Range", "Flint Hills", "Platte River", "Missouri Valley", "Ohio Valley", "Chagrin Falls",
            "Lorain County", "Geauga", "Summit County", "Allen County", "Lake County" };

    private static final String[][] TRADES = { { "Mechanical Supply", "Mechanical supply house" },
            { "Plumbing Supply", "Plumbing supply house" }, { "Plumbing & Heating", "Plumbing contractor" },
            { "Mechanical", "Mechanical contractor" }, { "Heating & Cooling", "HVAC contractor" },
            { "HVAC Services", "HVAC contractor" }, { "Comfort Systems", "HVAC contractor" },
            { "Electric", "Electrical contractor" }, { "Electrical Supply", "Electrical supply house" },
            { "Pipe & Valve", "Industrial PVF distributor" }, { "Hydronics", "Hydronic heating contractor" },
            { "Building Services", "Facilities maintenance" }, { "Sheet Metal", "HVAC contractor" },
            { "Fire Protection", "Fire sprinkler contractor" } };

    private static final String[] FORMS = { "", " Co.", " Inc.", " LLC", " Group", " Contractors" };

    /** City, state, ZIP prefix, area code. */
    private static final String[][] CITIES = { { "Cleveland", "OH", "441", "216" }, { "Akron", "OH", "443", "330" },
            { "Columbus", "OH", "432", "614" }, { "Toledo", "OH", "436", "419" }, { "Cincinnati", "OH", "452", "513" },
            { "Dayton", "OH", "454", "937" }, { "Detroit", "MI", "482", "313" }, { "Grand Rapids", "MI", "495", "616" },
            { "Lansing", "MI", "489", "517" }, { "Kalamazoo", "MI", "490", "269" },
            { "Indianapolis", "IN", "462", "317" }, { "Fort Wayne", "IN", "468", "260" },
            { "South Bend", "IN", "466", "574" }, { "Chicago", "IL", "606", "312" }, { "Peoria", "IL", "616", "309" },
            { "Rockford", "IL", "611", "815" }, { "Milwaukee", "WI", "532", "414" }, { "Madison", "WI", "537", "608" },
            { "Green Bay", "WI", "543", "920" }, { "Minneapolis", "MN", "554", "612" },
            { "Des Moines", "IA", "503", "515" }, { "Cedar Rapids", "IA", "524", "319" },
            { "Omaha", "NE", "681", "402" }, { "Kansas City", "MO", "641", "816" },
            { "St. Louis", "MO", "631", "314" } };

    private static final String[] STREETS = { "Industrial Pkwy", "Commerce Dr", "Euclid Ave", "Superior Ave", "Main St",
            "Lakeside Ave", "Enterprise Blvd", "Distribution Way", "Harvard Ave", "Brookpark Rd", "Warehouse Rd",
            "Railroad St", "Granger Rd", "Transportation Blvd", "Mill St" };

    private static final String[] FIRST_NAMES = { "Mike", "Dave", "Tom", "Steve", "Jim", "Dan", "Kevin", "Brian",
            "Mark", "Chris", "Jeff", "Scott", "Lisa", "Karen", "Amy", "Jennifer", "Michelle", "Sarah", "Angela",
            "Nicole", "Maria", "Rachel", "Tony", "Joe", "Greg", "Luis", "Andre", "Kim", "Dana", "Pat" };

    private static final String[] LAST_NAMES = { "Kowalski", "Novak", "Schmidt", "Miller", "Johnson", "Anderson",
            "Nowicki", "O'Brien", "Murphy", "Sullivan", "Petersen", "Larson", "Jablonski", "Hoffman", "Becker",
            "Wagner", "Fischer", "Russo", "Washington", "Jackson", "Garcia", "Martinez", "Kim", "Nguyen", "Patel",
            "Brennan", "Horvath", "Kovacs", "Lindqvist", "Dombrowski" };

    /** Title and buying role, paired the way they usually go. */
    private static final String[][] TITLES = { { "Owner", "Decision maker" }, { "President", "Decision maker" },
            { "Purchasing Manager", "Buyer" }, { "Purchasing Agent", "Buyer" }, { "Project Manager", "Influencer" },
            { "Service Manager", "Influencer" }, { "Estimator", "Influencer" },
            { "Accounts Payable Specialist", "Accounts payable" }, { "Controller", "Accounts payable" },
            { "Warehouse Lead", "Receiving" } };

    private static final String[] DEAL_NAMES = { "Water heater replenishment", "Boiler retrofit",
            "Rooftop unit changeout", "Copper stocking program", "Service van restock", "New construction rough-in",
            "LED lighting retrofit", "Switchgear package", "PEX conversion", "Hydronic loop upgrade",
            "Backflow preventer program", "Furnace season pre-buy", "Mini-split rollout", "Panel upgrade program",
            "Sprinkler riser package", "Pump replacement" };

    private static final String[] PROJECT_SITES = { "elementary school", "hospital wing", "apartment complex",
            "warehouse", "office park", "county building", "retail center", "plant expansion", "senior living",
            "university dorm" };

    private static final String[] STAGES = { "PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON",
            "CLOSED_LOST" };

    private static final int[] STAGE_PROBABILITY = { 10, 25, 50, 75, 100, 0 };

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final ObjectProvider<DemoDataContributor> contributors;

    /**
     * The demo ERPs' item catalog, so that a demo opportunity line's live price resolves.
     */
    private final String[] skus;

    DemoDataSeeder(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectProvider<DemoDataContributor> contributors,
            DemoCatalog catalog) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.contributors = contributors;
        this.skus = catalog.skus().toArray(String[]::new);
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from accounts", Integer.class);
        if (existing != null && existing > 0) {
            logger.info("CRM demo data not seeded: the database already holds {} accounts", existing);
            return;
        }
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        transaction.executeWithoutResult(status -> {
            List<Long> accountIds = seed(new SplittableRandom(SEED));
            contributors.orderedStream().forEach(contributor -> contributor.contribute(accountIds));
        });
        // CPU time too: on a busy machine wall-clock time says more about the neighbours
        // than about us.
        logger.info("CRM demo data seeded in {} ms ({} ms CPU)", (System.nanoTime() - started) / 1_000_000,
                (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000);
    }

    List<Long> seed(SplittableRandom random) {
        Timestamp created = Timestamp.from(TODAY.minusYears(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        List<String> names = accountNames(random);
        List<Object[]> accounts = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String name = names.get(i);
            String industry = industryOf(name);
            String domain = name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]+", "") + ".com";
            domains.add(domain);
            String[] city = CITIES[random.nextInt(CITIES.length)];
            String street = (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)];
            String zip = city[2] + String.format("%02d", random.nextInt(100));
            String phone = phone(random, city[3]);
            boolean separateShipping = random.nextInt(4) == 0;
            String shipStreet = separateShipping
                    ? (100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)] : street;
            String partner = (random.nextInt(10) == 0) ? "partner-" + (1 + random.nextInt(3)) : null;
            Timestamp at = new Timestamp(created.getTime() + i * 3_600_000L);
            accounts.add(new Object[] { name, industry, "https://www." + domain, phone, street, city[0], city[1], zip,
                    "US", shipStreet, city[0], city[1], zip, "US", "rep-" + (1 + random.nextInt(8)), partner, at, at });
        }
        jdbc.batchUpdate(
                "insert into accounts (name, industry, website, phone, billing_street, billing_city,"
                        + " billing_region, billing_postal_code, billing_country, shipping_street, shipping_city,"
                        + " shipping_region, shipping_postal_code, shipping_country, owner_id, partner_id, created_at,"
                        + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                accounts);
        List<Long> accountIds = jdbc.queryForList("select id from accounts order by id", Long.class);

        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> opportunities = new ArrayList<>();
        List<Integer> lineCounts = new ArrayList<>();
        for (int i = 0; i < accountIds.size(); i++) {
            long accountId = accountIds.get(i);
            Object[] account = accounts.get(i);
            Timestamp at = (Timestamp) account[16];
            int contactCount = 2 + random.nextInt(3); // 2..4, about 3
            Set<String> people = new LinkedHashSet<>();
            while (people.size() < contactCount) {
                people.add(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                        + LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
            }
            int t = 0;
            for (String person : people) {
                String first = person.substring(0, person.indexOf(' '));
                String last = person.substring(person.indexOf(' ') + 1);
                String[] title = TITLES[(t++ == 0) ? random.nextInt(2) : 2 + random.nextInt(TITLES.length - 2)];
                String email = (first.charAt(0) + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@"
                        + domains.get(i);
                contacts.add(new Object[] { accountId, first, last, email,
                        phone(random, ((String) account[3]).substring(3, 6)), title[0], title[1], at, at });
            }
            // Every account cycles through the stages from a different start, so every
            // stage is well filled.
            int opportunityCount = 2 + random.nextInt(2); // 2..3
            int stageStart = random.nextInt(STAGES.length);
            for (int o = 0; o < opportunityCount; o++) {
                int stage = (stageStart + o) % STAGES.length;
                boolean closed = stage >= 4;
                LocalDate closeDate = closed ? TODAY.minusDays(1 + random.nextInt(300))
                        : TODAY.plusDays(7 + random.nextInt(200));
                BigDecimal amount = BigDecimal.valueOf(random.nextLong(150_000L, 25_000_000L), 2);
                String name = DEAL_NAMES[random.nextInt(DEAL_NAMES.length)] + " - "
                        + ((CITIES[random.nextInt(CITIES.length)])[0]) + " "
                        + PROJECT_SITES[random.nextInt(PROJECT_SITES.length)];
                opportunities.add(new Object[] { accountId, name, STAGES[stage], amount, "USD", Date.valueOf(closeDate),
                        STAGE_PROBABILITY[stage], account[14], at, at });
                lineCounts.add(1 + random.nextInt(4));
            }
        }
        jdbc.batchUpdate("insert into contacts (account_id, first_name, last_name, email, phone, title, role,"
                + " created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", contacts);
        jdbc.batchUpdate("insert into opportunities (account_id, name, stage, amount, currency, close_date,"
                + " probability, owner_id, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                opportunities);
        List<Long> opportunityIds = jdbc.queryForList("select id from opportunities order by id", Long.class);
        List<Object[]> lines = new ArrayList<>();
        for (int o = 0; o < opportunityIds.size(); o++) {
            int first = random.nextInt(skus.length);
            for (int l = 0; l < lineCounts.get(o); l++) {
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt((l == 0) ? 200 : 50));
                lines.add(new Object[] { opportunityIds.get(o), l + 1, skus[(first + l * 5) % skus.length], quantity });
            }
        }
        jdbc.batchUpdate(
                "insert into opportunity_lines (opportunity_id, line_number, sku, quantity)" + " values (?, ?, ?, ?)",
                lines);
        return accountIds;
    }

    /** Unique names from place x trade x legal form, in a seeded order. */
    private static List<String> accountNames(SplittableRandom random) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < ACCOUNTS) {
            names.add(PLACES[random.nextInt(PLACES.length)] + " " + TRADES[random.nextInt(TRADES.length)][0]
                    + FORMS[random.nextInt(FORMS.length)]);
        }
        return new ArrayList<>(names);
    }

    private static String industryOf(String name) {
        for (String[] trade : TRADES) {
            if (name.contains(" " + trade[0])) {
                return trade[1];
            }
        }
        return null;
    }

    private static String phone(SplittableRandom random, String areaCode) {
        return "+1 " + areaCode + "-555-" + String.format("%04d", random.nextInt(10_000));
    }

}
