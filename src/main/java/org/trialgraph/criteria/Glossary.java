package org.trialgraph.criteria;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Abbreviation → expansion, read from a TSV resource ({@value #DEFAULT_RESOURCE} by default). */
public final class Glossary {

    public static final String DEFAULT_RESOURCE = "/criteria/glossary.tsv";

    private final Map<String, String> entries;

    public Glossary(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The glossary shipped with the library. */
    public static Glossary standard() {
        return fromResource(DEFAULT_RESOURCE);
    }

    public static Glossary fromResource(String resource) {
        try (InputStream in = Glossary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("glossary resource not found: " + resource);
            }
            Map<String, String> map = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                    map.put(parts[0].strip(), parts[1].strip());
                }
            }
            return new Glossary(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary " + resource, e);
        }
    }

    public Map<String, String> entries() {
        return entries;
    }
}
