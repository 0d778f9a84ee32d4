package dev.erpgraph.erp;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one system's raw options ({@code erp.systems.<id>.options.*}) into an ERP's typed
 * {@code {Erp}Options} record, once, at start-up. A value that does not fit fails with an
 * {@link IllegalArgumentException} whose message starts with the property's full name
 * ({@code erp.systems.sap.options.maxUrlLength: must be a whole number between 1000 and
 * 64000, was 'abc'}), and so does an option the ERP does not have
 * ({@link #rejectUnknown()}): a misspelt option must not be silently ignored. An option
 * is found under the name documented or, as relaxed binding (environment variables)
 * spells it, ignoring case, {@code -} and {@code _}.
 */
public final class ConnectorOptions {

    private final ConnectorSettings settings;

    /** The relaxed names asked for so far. */
    private final Set<String> asked = new HashSet<>();

    private ConnectorOptions(ConnectorSettings settings) {
        this.settings = settings;
    }

    public static ConnectorOptions of(ConnectorSettings settings) {
        return new ConnectorOptions(settings);
    }

    /** An option as configured, or its default (null allowed) when it is not set. */
    public String text(String key, String defaultValue) {
        asked.add(relaxed(key));
        String value = settings.options().get(key);
        if (value != null) {
            return value;
        }
        String wanted = relaxed(key);
        return settings.options()
            .entrySet()
            .stream()
            .filter(entry -> relaxed(entry.getKey()).equals(wanted))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(defaultValue);
    }

    /** A whole-number option within {@code [min, max]}. */
    public int wholeNumber(String key, int defaultValue, int min, int max) {
        return (int) wholeNumber(key, (long) defaultValue, min, max);
    }

    /** A whole-number option within {@code [min, max]}. */
    public long wholeNumber(String key, long defaultValue, long min, long max) {
        String value = text(key, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw invalid(key, "must be a whole number between " + min + " and " + max, value);
    }

    /**
     * An option that goes into a URL or a query as a name (a column, an entity set, an
     * operation): it must match {@code pattern}, described to the reader as {@code what}.
     */
    public String name(String key, String defaultValue, Pattern pattern, String what) {
        String value = text(key, defaultValue);
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(key, "must be " + what, value);
        }
        return value;
    }

    /** A comma-separated option, trimmed, lowercased, blanks dropped. */
    public Set<String> lowercaseList(String key, String defaultValue) {
        return Arrays.stream(text(key, defaultValue).split(","))
            .map(String::trim)
            .filter(item -> !item.isEmpty())
            .map(item -> item.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The failure of an option that does not fit, named by its property:
     * {@code erp.systems.<id>.options.<key>: <problem>, was '<value>'}.
     */
    public IllegalArgumentException invalid(String key, String problem, String value) {
        return new IllegalArgumentException(
                "erp.systems." + settings.systemId() + ".options." + key + ": " + problem + ", was '" + value + "'");
    }

    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Fails on the first configured option none of the readers above asked for (call it
     * after reading every option).
     */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>();
        settings.options().keySet().stream().filter(key -> !asked.contains(relaxed(key))).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            // Not its value: a misspelt secret must not reach a log.
            throw new IllegalArgumentException("erp.systems." + settings.systemId() + ".options."
                    + unknown.iterator().next() + ": is not an option of " + settings.kind() + " systems");
        }
    }

}
