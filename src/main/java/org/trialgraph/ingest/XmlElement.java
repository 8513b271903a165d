package org.trialgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element of a legacy XML study, read into memory with its attributes, text and children: small enough,
 * since only one {@code <clinical_study>} is held at a time and its results section is not kept.
 */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    /** The first child of that name, or null. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** SHA-256 of the element's content (names, attributes in order of name, text, children). */
    String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(MessageDigest digest) {
        put(digest, "<" + name);
        new TreeMap<>(attributes).forEach((key, value) -> put(digest, " " + key + "=" + value));
        put(digest, ">" + text);
        children.forEach(child -> child.update(digest));
        put(digest, "</" + name + ">");
    }

    private static void put(MessageDigest digest, String part) {
        // Length-prefixed, so that different trees never serialise to the same bytes.
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
