package org.trialgraph.ingest;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keys of shared nodes: the same sponsor, condition or site written slightly differently is one node. Queries
 * normalise what a client asks for the same way.
 */
public final class Keys {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");

    private Keys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = SPACE.matcher(folded).replaceAll(" ").strip();
        return TRAILING_PUNCTUATION.matcher(folded).replaceAll("");
    }

    public static String of(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(of(part));
        }
        return key.toString();
    }
}
