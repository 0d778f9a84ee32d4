package dev.erpgraph.erp.netsuite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How values enter a SuiteQL statement. There are no bind parameters in the REST SuiteQL
 * endpoint, so every value is either validated (internal ids: digits only, no leading
 * zero, so that the id read back equals the key sent) or quoted as an Oracle string
 * literal with single quotes doubled. Nothing else is ever concatenated.
 */
final class SuiteQl {

    /**
     * Oracle refuses more than 1000 expressions in one IN list (ORA-01795): the only
     * reason to chunk.
     */
    static final int MAX_IN_LIST = 1000;

    private static final Pattern INTERNAL_ID = Pattern.compile("[1-9][0-9]{0,17}");

    /** A column name that may go into a statement unquoted (configuration only). */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SuiteQl() {
    }

    /**
     * The key as an internal id literal, or empty if it is not one (then it is unknown,
     * and never sent).
     */
    static Optional<String> internalId(String key) {
        return key != null && INTERNAL_ID.matcher(key).matches() ? Optional.of(key) : Optional.empty();
    }

    /**
     * Whether a key can be sent as a string literal at all (NUL cannot); other keys are
     * simply unknown.
     */
    static boolean quotable(String value) {
        return value != null && value.indexOf('\0') < 0;
    }

    /** An Oracle string literal: {@code O'Brien} becomes {@code 'O''Brien'}. */
    static String string(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be sent in a SuiteQL literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code (1001, 1002)} from ids already validated by {@link #internalId}. */
    static String idList(Collection<String> ids) {
        return ids.stream().map(id -> internalId(id).orElseThrow()).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code ('A', 'B''C')}. */
    static String stringList(Collection<String> values) {
        return values.stream().map(SuiteQl::string).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Splits keys into IN lists Oracle accepts. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T value : values) {
            current.add(value);
            if (current.size() == MAX_IN_LIST) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

}
