package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The word tests find the first byte that looking at the eight bytes one by one finds. */
class ByteWordsTest {

    @Test
    void findsAByteAtEachPositionBesideEveryOtherValue() {
        byte[] bytes = new byte[8];
        for (int position = 0; position < 8; position++) {
            for (int other = 0; other < 256; other++) {
                java.util.Arrays.fill(bytes, (byte) other);
                bytes[position] = '"';
                long word = ByteWords.at(bytes, 0);
                int firstQuote = other == '"' ? 0 : position;
                assertThat(ByteWords.firstOf(ByteWords.equalTo(word, (byte) '"'))).isEqualTo(firstQuote);
                assertThat(ByteWords.equalTo(word, (byte) '\\') != 0).isEqualTo(other == '\\');
                assertThat(ByteWords.nonAscii(word) != 0).isEqualTo(other >= 0x80);
            }
        }
    }

    @Test
    void agreesWithOneByteAtATimeOnRandomWords() {
        Random random = new Random(20261128);
        byte[] bytes = new byte[9];
        for (int run = 0; run < 100_000; run++) {
            random.nextBytes(bytes);
            bytes[random.nextInt(8)] = (byte) "\"\\\u00a2\u0000a".charAt(random.nextInt(5));
            int offset = random.nextInt(2);
            long word = ByteWords.at(bytes, offset);
            for (byte b : new byte[] {'"', '\\', 0, (byte) 0xA2, (byte) 0xFF}) {
                int first = -1;
                for (int k = offset + 7; k >= offset; k--) {
                    first = bytes[k] == b ? k - offset : first;
                }
                long mask = ByteWords.equalTo(word, b);
                assertThat(mask == 0 ? -1 : ByteWords.firstOf(mask)).isEqualTo(first);
            }
            int firstHigh = -1;
            for (int k = offset + 7; k >= offset; k--) {
                firstHigh = bytes[k] < 0 ? k - offset : firstHigh;
            }
            long high = ByteWords.nonAscii(word);
            assertThat(high == 0 ? -1 : ByteWords.firstOf(high)).isEqualTo(firstHigh);
        }
    }
}
