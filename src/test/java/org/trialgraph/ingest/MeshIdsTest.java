package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MeshIdsTest {

    /** The definition the hand-written reading must agree with. */
    private static final Pattern ID = Pattern.compile("([A-Z])0*(\\d{1,9})");

    @Test
    void bothSpellingsOfADescriptorIdAreOneId() {
        assertThat(MeshIds.canonical("D054198")).isEqualTo("D000054198");
        assertThat(MeshIds.canonical("D000054198")).isEqualTo("D000054198");
        assertThat(MeshIds.canonical("D000086982")).isEqualTo("D000086982");
        assertThat(MeshIds.canonical(" d054198 ")).isEqualTo("D000054198");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(MeshIds.canonical("not-an-id")).isEqualTo("not-an-id");
        assertThat(MeshIds.canonical(" D1234567890 ")).isEqualTo("D1234567890");
        assertThat(MeshIds.looksLikeId("D")).isFalse();
        assertThat(MeshIds.looksLikeId("D12a")).isFalse();
    }

    @Test
    void zerosAloneAreTheIdZero() {
        assertThat(MeshIds.canonical("D0")).isEqualTo("D000000000");
        assertThat(MeshIds.canonical("D0000000000000")).isEqualTo("D000000000");
        assertThat(MeshIds.canonical("C0000000000001")).isEqualTo("C000000001");
    }

    @Test
    void readsEveryTextAsTheRegexDoes() {
        int checked = 0;
        for (String letter : List.of("D", "d", "C", "Q", "\u0131", "1", "", " ", "DD")) {
            for (String zeros : List.of("", "0", "000", "0000000000")) {
                for (String digits : List.of("", "0", "7", "054198", "86982", "123456789", "1234567890", "000000001")) {
                    for (String tail : List.of("", " ", "x", "\t", "\u0663")) {
                        check(letter + zeros + digits + tail);
                        check(" " + letter + zeros + digits + tail);
                        checked += 2;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(9 * 4 * 8 * 5 * 2);
    }

    private static void check(String text) {
        Matcher m = ID.matcher(text.strip().toUpperCase(Locale.ROOT));
        boolean matches = m.matches();
        assertThat(MeshIds.looksLikeId(text)).as(text).isEqualTo(matches);
        String expected = matches ? m.group(1) + String.format("%09d", Long.parseLong(m.group(2))) : text.strip();
        assertThat(MeshIds.canonical(text)).as(text).isEqualTo(expected);
    }
}
