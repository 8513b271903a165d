package org.trialgraph.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort values of the last row seen, so the next page starts right after it without
 * skipping rows (cheap on any page, stable while data changes elsewhere).
 */
public final class Cursors {

    /** Page sizes a client may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(Object... values) {
        // Joined by position, not by what was written so far: an empty first value (a missing start date sorts
        // as '') must still be followed by its separator.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(SEPARATOR);
            }
            text.append(values[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's values, or an empty list for no cursor. */
    public static List<String> decode(String cursor, int expectedValues) {
        if (cursor == null || cursor.isBlank()) {
            return List.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(text.split(SEPARATOR, -1));
            if (values.size() != expectedValues) {
                throw new IllegalArgumentException("not a cursor of this list: " + cursor);
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of this list: " + cursor, e);
        }
    }

    /** A page size between 1 and {@link #MAX_PAGE_SIZE}. */
    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE + ", was " + size);
        }
        return size;
    }
}
