package org.trialgraph.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content hash of an API v2 study: SHA-256 of its JSON text without the white space between tokens, so a
 * pretty-printed file and a JSON Lines record of the same study hash alike. For text the way Jackson writes it
 * (every real and generated record read so far), that is the hash of Jackson's compact serialisation of the parsed
 * tree, which is how a study inside an array file is hashed; a JSON Lines record is hashed from its bytes, because
 * serialising the tree again cost 4 times as much as hashing (profiled on 10k generated studies).
 */
final class JsonContentHash {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonContentHash() {
    }

    /** Hash of one record's JSON text, already parsed (so well-formed); the bytes are not changed. */
    static String ofText(byte[] bytes, int length) {
        MessageDigest digest = sha256();
        int runStart = 0;
        int i = 0;
        while (i < length) {
            byte b = bytes[i];
            if (b == '"') {
                i = afterString(bytes, i + 1, length);
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                digest.update(bytes, runStart, i - runStart);
                runStart = ++i;
            } else {
                i++;
            }
        }
        digest.update(bytes, runStart, length - runStart);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The position after the quote that closes the string whose content starts at {@code i}. */
    private static int afterString(byte[] bytes, int i, int length) {
        while (i < length) {
            if (i + Long.BYTES <= length) {
                long word = ByteWords.at(bytes, i);
                long quoteOrEscape = ByteWords.equalTo(word, (byte) '"') | ByteWords.equalTo(word, (byte) '\\');
                if (quoteOrEscape == 0) {
                    i += Long.BYTES; // most of a record is string content
                    continue;
                }
                i += ByteWords.firstOf(quoteOrEscape);
            }
            byte b = bytes[i];
            if (b == '"') {
                return i + 1;
            }
            i += b == '\\' ? 2 : 1;
        }
        return length;
    }

    /** Hash of a parsed study whose own text is not at hand (one of an array or of an API page). */
    static String ofTree(JsonNode study) {
        return HexFormat.of().formatHex(sha256().digest(JSON.writeValueAsBytes(study)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
