package org.trialgraph.ingest;

/**
 * Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence), the same bytes the JDK's strict decoder accepts, without decoding them: a JSON
 * Lines record is checked here and then parsed from its bytes.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isWellFormed(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            if (i + Long.BYTES <= length) {
                long nonAscii = ByteWords.nonAscii(ByteWords.at(bytes, i));
                if (nonAscii == 0) {
                    i += Long.BYTES; // most of a record is ASCII
                    continue;
                }
                i += ByteWords.firstOf(nonAscii);
            }
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            int size = sequenceLength(bytes, i, length);
            if (size == 0) {
                return false;
            }
            i += size;
        }
        return true;
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or 0 if it is not one. */
    private static int sequenceLength(byte[] bytes, int i, int length) {
        int lead = bytes[i] & 0xFF;
        int size;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            size = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            size = 3;
            min = lead == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            max = lead == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            size = 4;
            min = lead == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            max = lead == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
        } else {
            return 0;
        }
        if (i + size > length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return size;
    }
}
