package dev.erpgraph.sandbox.sap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OData v2's JSON value formats as SAP Gateway writes them, in the sandbox's own code:
 * {@code Edm.DateTime} as {@code "/Date(ms)/"} (UTC midnight for a date),
 * {@code Edm.DateTimeOffset} as {@code "/Date(ms+0000)/"}. The connector has its own
 * reading of them: a misreading on either side fails a contract test instead of being
 * shared.
 */
final class SapWireValues {

    private static final Pattern DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private SapWireValues() {
    }

    static String date(LocalDate date) {
        return "/Date(" + date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ")/";
    }

    static String dateTimeOffset(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    /**
     * The calendar date of an {@code Edm.DateTime} a client posted; the offset of a
     * {@code DateTimeOffset} is informational, the milliseconds are UTC.
     */
    static LocalDate parseDate(String wire) {
        Matcher matcher = DATE.matcher(wire == null ? "" : wire.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an OData v2 date: '" + wire + "'");
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1))).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The {@code Authorization} value of HTTP Basic with these credentials. */
    static String basic(String user, String password) {
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

}
