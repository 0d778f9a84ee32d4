package dev.erpgraph.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.erpgraph.sandbox.DistributorDataSet.Customer;

/**
 * The data set's customers: Midwest contractors and supply houses with a city, a credit
 * limit and balance (a few over it, and so on hold), payment terms and a price discount,
 * drawn from the data set's seeded random.
 */
final class DistributorCustomers {

    private DistributorCustomers() {
    }

    private static final String[] NAME_PLACES = { "Cuyahoga", "Buckeye", "Lakeshore", "Great Lakes", "Erie", "Summit",
            "Maumee", "Portage", "Western Reserve", "Tri-County", "Keystone", "Allegheny", "Hoosier", "Motor City",
            "Wolverine", "Scioto", "Miami Valley", "Ohio Valley", "Heartland", "Riverside", "Parma", "Akron", "Canton",
            "Toledo", "Dayton", "Lorain", "Medina", "Mahoning", "Lake County", "Geauga" };

    private static final String[] NAME_TRADES = { "Mechanical", "Plumbing", "HVAC", "Electric", "Supply",
            "Heating & Cooling", "Pipe & Valve", "Contractors", "Building Services", "Facility Services",
            "Electrical Contractors", "Plumbing & Heating" };

    private static final String[] NAME_SUFFIXES = { "Inc.", "LLC", "Co.", "Corp.", "Group", "Supply Co.", "& Sons",
            "Ltd." };

    private static final String[][] CITIES = { { "Cleveland", "OH" }, { "Akron", "OH" }, { "Columbus", "OH" },
            { "Toledo", "OH" }, { "Dayton", "OH" }, { "Detroit", "MI" }, { "Ann Arbor", "MI" }, { "Pittsburgh", "PA" },
            { "Erie", "PA" }, { "Indianapolis", "IN" }, { "Fort Wayne", "IN" }, { "Canton", "OH" } };

    private static final String[] TERMS = { "NET30", "NET30", "NET30", "NET45", "NET60", "2%10NET30" };

    static List<Customer> generate(SplittableRandom random) {
        List<Customer> result = new ArrayList<>(DistributorDataSet.CUSTOMERS);
        for (int i = 0; i < DistributorDataSet.CUSTOMERS; i++) {
            String name = NAME_PLACES[random.nextInt(NAME_PLACES.length)] + " "
                    + NAME_TRADES[random.nextInt(NAME_TRADES.length)] + " "
                    + NAME_SUFFIXES[random.nextInt(NAME_SUFFIXES.length)];
            String[] city = CITIES[random.nextInt(CITIES.length)];
            BigDecimal limit = BigDecimal.valueOf(5_000L + 1_000L * random.nextInt(246)).setScale(2);
            BigDecimal balance = limit.multiply(BigDecimal.valueOf(random.nextInt(0, 110)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            boolean onHold = random.nextInt(100) < 6 || balance.compareTo(limit) > 0;
            BigDecimal discount = BigDecimal.valueOf(random.nextInt(4) * 5L);
            result.add(new Customer(i, name, city[0], city[1], limit, balance, onHold,
                    TERMS[random.nextInt(TERMS.length)], discount));
        }
        return result;
    }

}
