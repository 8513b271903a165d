package org.trialgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Utf8#isWellFormed} accepts exactly what the JDK's strict UTF-8 decoder accepts: on fixed cases, and on
 * random bytes near the boundary (valid UTF-8 with one byte changed), drawn from a fixed seed.
 */
class Utf8Test {

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(20261127);
        int valid = 0;
        for (int run = 0; run < 200_000; run++) {
            byte[] bytes = nearlyUtf8(random);
            boolean jdk = jdkAccepts(bytes);
            assertThat(Utf8.isWellFormed(bytes, bytes.length)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
            valid += jdk ? 1 : 0;
        }
        assertThat(valid).as("both kinds drawn").isBetween(20_000, 180_000);
    }

    @Test
    void refusesTheFormsThatAreNotUtf8() {
        assertThat(wellFormed(0xC0, 0xAF)).as("overlong '/'").isFalse();
        assertThat(wellFormed(0xE0, 0x80, 0xAF)).as("overlong, three bytes").isFalse();
        assertThat(wellFormed(0xED, 0xA0, 0x80)).as("a surrogate").isFalse();
        assertThat(wellFormed(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isFalse();
        assertThat(wellFormed(0xE2, 0x89)).as("truncated").isFalse();
        assertThat(wellFormed(0xE9, 0xFF)).as("Latin-1").isFalse();
        assertThat(wellFormed(0xE2, 0x89, 0xA5, 0x31, 0x38)).as("'≥18'").isTrue();
        assertThat(wellFormed(0xF0, 0x9F, 0x98, 0x80)).as("an emoji").isTrue();
        byte[] valid = {'a', (byte) 0xE2, (byte) 0x89, (byte) 0xA5};
        assertThat(Utf8.isWellFormed(valid, 3)).as("only the length given is read").isFalse();
    }

    @Test
    void findsOneBadByteAnywhereInARunOfAscii() {
        for (int length = 1; length <= 40; length++) {
            for (int bad = 0; bad < length; bad++) {
                for (int value : new int[] {0x80, 0xC3, 0xFF}) {
                    byte[] bytes = new byte[length + 9]; // the bytes after the length are not read
                    java.util.Arrays.fill(bytes, (byte) 'a');
                    bytes[bad] = (byte) value;
                    assertThat(Utf8.isWellFormed(bytes, length)).as("%d bytes, 0x%X at %d", length, value, bad).isFalse();
                    bytes[bad] = 'b';
                    bytes[length + bad % 9] = (byte) 0xFF;
                    assertThat(Utf8.isWellFormed(bytes, length)).as("%d good bytes", length).isTrue();
                }
            }
        }
    }

    /** Text of any code points, encoded, with one byte changed half of the time. */
    private static byte[] nearlyUtf8(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            int kind = random.nextInt(4);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 2 -> {
                    int c = 0x800 + random.nextInt(0x10000 - 0x800);
                    yield Character.isSurrogate((char) c) ? 'x' : c;
                }
                default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
            text.appendCodePoint(codePoint);
            text.append("abcdefghijklmnopqrstu", 0, random.nextInt(3) == 0 ? random.nextInt(21) : 0);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && random.nextBoolean()) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (bytes.length > 0 && random.nextInt(8) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }

    private static boolean wellFormed(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        boolean ours = Utf8.isWellFormed(bytes, bytes.length);
        assertThat(ours).isEqualTo(jdkAccepts(bytes));
        return ours;
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
