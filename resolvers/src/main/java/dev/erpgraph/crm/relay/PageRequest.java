package dev.erpgraph.crm.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.erpgraph.crm.errors.InvalidInputException;

/**
 * A validated {@code (first, after)} pair. Every list is ordered by primary key, so a
 * cursor is the id of the last row seen (keyset pagination: stable under inserts, no
 * OFFSET scans). Cursors are opaque to clients; the {@code c1:} prefix leaves room to
 * change their content later.
 *
 * @param first how many rows the page holds (1..100)
 * @param afterId rows with an id greater than this one; 0 for the first page
 */
public record PageRequest(int first, long afterId) {

    public static final int DEFAULT_FIRST = 20;

    public static final int MAX_FIRST = 100;

    private static final String PREFIX = "c1:";

    /** Validates the arguments as the client sent them. */
    public static PageRequest of(Integer first, String after) {
        int size = (first != null) ? first : DEFAULT_FIRST;
        if (size < 1 || size > MAX_FIRST) {
            throw new InvalidInputException("first", "first must be between 1 and " + MAX_FIRST + ".");
        }
        return new PageRequest(size, (after != null) ? decodeCursor(after) : 0L);
    }

    /** Whether the client asked for a page after some cursor. */
    public boolean hasAfter() {
        return afterId > 0;
    }

    /** One more than asked for: the extra row only tells whether a next page exists. */
    public int fetchSize() {
        return first + 1;
    }

    public static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        }
        catch (IllegalArgumentException ex) {
            // bad base64 or NumberFormatException: the client error below
        }
        throw new InvalidInputException("after", "Not a valid cursor.");
    }
}
