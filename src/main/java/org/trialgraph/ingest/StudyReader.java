package org.trialgraph.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.trialgraph.criteria.EligibilityEngine;

/**
 * Streams studies out of files, directories and archives: a {@code .json} file with one study, an array of
 * studies (the website's download) or an API page ({@code {"studies": [...]}}), {@code .jsonl}/{@code .ndjson}
 * with one study per line, legacy {@code <clinical_study>} XML, and {@code .zip} and {@code .tar.gz} archives of
 * those. The format is told by content (archive magic numbers, then {@code <} for XML, else JSON), so a name
 * only matters for JSON lines. Only one study is in memory at a time.
 */
final class StudyReader {

    /** Receives each study read, or each record that could not be read. */
    interface Sink {
        void accept(StudyRecord study);

        void reject(Rejection rejection);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Default for the most bytes one compressed member may inflate to ({@code trialgraph.import.max-inflated-size}). */
    static final long DEFAULT_MAX_INFLATED_BYTES = 1L << 30;

    private final Sink sink;
    private final EligibilityEngine criteriaEngine;
    private final long maxInflatedBytes;

    StudyReader(Sink sink, EligibilityEngine criteriaEngine) {
        this(sink, criteriaEngine, DEFAULT_MAX_INFLATED_BYTES);
    }

    StudyReader(Sink sink, EligibilityEngine criteriaEngine, long maxInflatedBytes) {
        this.sink = sink;
        this.criteriaEngine = criteriaEngine;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    void read(Path path) {
        if (Files.isDirectory(path)) {
            readDirectory(path);
            return;
        }
        if (!Files.isRegularFile(path)) {
            sink.reject(new Rejection(path.toString(), null, "no such file or directory"));
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            readStream(path.toString(), path.getFileName().toString(), in);
        } catch (IOException e) {
            sink.reject(new Rejection(path.toString(), null, "cannot read: " + e.getMessage()));
        } catch (InflatedTooLarge e) {
            sink.reject(new Rejection(e.location, null, e.getMessage()));
        }
    }

    private void readDirectory(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> importable = files.filter(Files::isRegularFile).filter(StudyReader::isImportable).sorted().toList();
            importable.forEach(this::read);
        } catch (IOException | UncheckedIOException e) {
            sink.reject(new Rejection(dir.toString(), null, "cannot list directory: " + e.getMessage()));
        }
    }

    static boolean isImportable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".zip")
                || name.endsWith(".xml") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar");
    }

    void readStream(String location, String name, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF_LIMIT);
        String lower = name.toLowerCase(Locale.ROOT);
        switch (ContentKind.of(in)) {
            case ZIP -> readZip(location, in);
            case GZIP -> readGzip(location, name, in);
            case TAR -> readTar(location, in);
            case XML -> readXml(location, in);
            default -> {
                if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                    readJsonLines(location, in);
                } else {
                    readJson(location, in);
                }
            }
        }
    }

    private static final int SNIFF_LIMIT = 64 * 1024;

    /** What a stream holds, told by its first bytes. */
    enum ContentKind {
        ZIP, GZIP, TAR, XML, OTHER;

        static ContentKind of(BufferedInputStream in) throws IOException {
            in.mark(SNIFF_LIMIT);
            byte[] head = in.readNBytes(SNIFF_LIMIT);
            in.reset();
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return ZIP;
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return GZIP;
            }
            if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
                return TAR;
            }
            int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf ? 3 : 0;
            while (i < head.length && Character.isWhitespace(head[i])) {
                i++;
            }
            return i < head.length && head[i] == '<' ? XML : OTHER;
        }
    }

    /** A .tar.gz is read member by member; any other gzip holds one file, read by its content. */
    private void readGzip(String location, String name, InputStream in) throws IOException {
        String inner = name.replaceFirst("(?i)\\.t?gz$", name.toLowerCase(Locale.ROOT).endsWith(".tgz") ? ".tar" : "");
        BufferedInputStream inflated = new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), SNIFF_LIMIT);
        if (ContentKind.of(inflated) == ContentKind.TAR) {
            readTar(location, inflated); // each member is limited, not the whole archive
            return;
        }
        readStream(location, inner, new InflateLimit(inflated, location, maxInflatedBytes));
    }

    private void readTar(String location, InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (!entry.isFile() || !isImportable(Path.of(entry.getName()).getFileName())) {
                continue;
            }
            readMember(location + "!" + entry.getName(), entry.getName(), tar);
        }
    }

    private void readMember(String member, String name, InputStream archive) {
        try {
            readStream(member, name, new InflateLimit(archive, member, maxInflatedBytes) {
                @Override
                public void close() {
                    // the archive stays open for the next member
                }
            });
        } catch (IOException e) {
            sink.reject(new Rejection(member, null, "cannot read: " + e.getMessage()));
        } catch (InflatedTooLarge e) {
            // The records read before the limit are imported; the rest of the member is skipped.
            sink.reject(new Rejection(member, null, e.getMessage()));
        }
    }

    /**
     * Counts the bytes a compressed member inflates to and stops at the limit (a zip bomb). Unchecked, so that
     * neither Jackson nor StAX turns it into a syntax error: it reaches {@link #readMember} as it is.
     */
    static final class InflatedTooLarge extends RuntimeException {
        final String location;

        InflatedTooLarge(String location, long limit) {
            super("inflates to more than " + limit + " bytes (trialgraph.import.max-inflated-size); rest of "
                    + location + " skipped");
            this.location = location;
        }
    }

    private static class InflateLimit extends FilterInputStream {
        private final String location;
        private final long limit;
        private long count;

        InflateLimit(InputStream in, String location, long limit) {
            super(in);
            this.location = location;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw new InflatedTooLarge(location, limit);
            }
        }
    }

    private void readXml(String location, InputStream in) {
        int[] read = {0};
        try {
            int studies = LegacyXmlReader.read(in, location, (study, studyLocation) -> {
                read[0]++;
                acceptXml(study, studyLocation);
            });
            if (studies == 0) {
                sink.reject(new Rejection(location, null, "no <clinical_study> element in the XML"));
            }
        } catch (XMLStreamException e) {
            // Like a JSON syntax error: the studies before the fault are imported, the rest of the file cannot be read.
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            String message = e.getNestedException() != null ? e.getNestedException().getMessage() : e.getMessage();
            sink.reject(new Rejection(location + (read[0] > 0 ? "#[" + read[0] + "]" : ""), null,
                    "malformed XML" + where + ": " + parserMessage(message) + "; rest of file skipped"));
        }
    }

    /** The parser's message without the JDK's "ParseError at [row,col]:[l,c]" line (the position is given apart). */
    private static String parserMessage(String message) {
        if (message == null) {
            return "unreadable";
        }
        String last = message.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse(message).strip();
        return last.startsWith("Message: ") ? last.substring("Message: ".length()) : last;
    }

    private void acceptXml(XmlElement study, String location) {
        XmlElement ids = study.child("id_info");
        XmlElement nctId = ids == null ? null : ids.child("nct_id");
        try {
            sink.accept(LegacyXmlStudyMapper.map(study, location, criteriaEngine));
        } catch (InvalidRecordException e) {
            sink.reject(new Rejection(location, nctId == null || nctId.text().isBlank() ? null : nctId.text().strip(),
                    e.getMessage()));
        }
    }

    private void readZip(String location, InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (entry.isDirectory() || !isImportable(Path.of(entry.getName()).getFileName())) {
                continue;
            }
            readMember(location + "!" + entry.getName(), entry.getName(), zip);
        }
    }

    /**
     * Checks each line on its own, strictly: a line that is not UTF-8 is rejected by its number and the lines after
     * it are still read (a decoder over the whole stream fails a buffer ahead, losing good lines before). A good
     * line is parsed from its bytes: decoding it to a string first and parsing that cost twice as much.
     */
    private void readJsonLines(String location, InputStream in) throws IOException {
        Lines lines = new Lines(in);
        int lineNumber = 0;
        while (lines.next()) {
            lineNumber++;
            String lineLocation = location + ":" + lineNumber;
            if (!Utf8.isWellFormed(lines.bytes, lines.length)) {
                sink.reject(new Rejection(lineLocation, null, "not UTF-8 text"));
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            try {
                JsonNode study = StudyTree.read(JSON, lines.bytes, lines.length);
                accept(study, lineLocation, JsonContentHash.ofText(lines.bytes, lines.length));
            } catch (JacksonException e) {
                sink.reject(new Rejection(lineLocation, null, "malformed JSON: " + e.getOriginalMessage()));
            }
        }
    }

    /**
     * Splits a stream into lines of bytes, reading it in blocks: reading a byte at a time through the (synchronized)
     * buffered stream cost more than parsing the JSON (profiled at 10k studies).
     */
    private static final class Lines {

        private final InputStream in;
        private final byte[] block = new byte[64 * 1024];
        private int position;
        private int end;
        private boolean exhausted;
        byte[] bytes = new byte[32 * 1024];
        int length;

        Lines(InputStream in) {
            this.in = in;
        }

        /** Reads the next line, without its newline, into {@code bytes[0..length)}; false at the end of input. */
        boolean next() throws IOException {
            length = 0;
            boolean any = false;
            while (true) {
                if (position == end) {
                    if (exhausted) {
                        return any;
                    }
                    end = Math.max(0, in.read(block, 0, block.length));
                    position = 0;
                    exhausted = end == 0;
                    continue;
                }
                any = true;
                int newline = newlineFrom(position);
                append(newline - position);
                if (newline < end) {
                    position = newline + 1;
                    return true;
                }
                position = end;
            }
        }

        /** The position of the first newline in the block from {@code from}, or {@code end}: a word at a time. */
        private int newlineFrom(int from) {
            int i = from;
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                long newlines = ByteWords.equalTo(ByteWords.at(block, i), (byte) '\n');
                if (newlines != 0) {
                    return i + ByteWords.firstOf(newlines);
                }
            }
            while (i < end && block[i] != '\n') {
                i++;
            }
            return i;
        }

        /** Whether the line is only white space (as {@link String#isBlank} on its text). */
        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b < 0) {
                    return new String(bytes, 0, length, StandardCharsets.UTF_8).isBlank();
                }
                if (!Character.isWhitespace(b)) {
                    return false;
                }
            }
            return true;
        }

        private void append(int count) {
            if (length + count > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(block, position, bytes, length, count);
            length += count;
        }
    }

    private void readJson(String location, InputStream in) {
        int index = 0;
        try (JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                JsonNode node = parser.readValueAsTree();
                if (node.path("studies").isArray()) {
                    for (JsonNode study : node.path("studies")) {
                        accept(study, location + "#[" + index++ + "]", JsonContentHash.ofTree(study));
                    }
                } else {
                    accept(node, location, JsonContentHash.ofTree(node));
                }
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                sink.reject(new Rejection(location, null, "expected a study object or an array of studies"));
                return;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode study = parser.readValueAsTree();
                accept(study, location + "#[" + index++ + "]", JsonContentHash.ofTree(study));
            }
        } catch (JacksonException e) {
            // A syntax error ends the file: the records before it are imported, the rest cannot be located.
            sink.reject(new Rejection(location + "#[" + index + "]", null, "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage() + "; rest of file skipped"));
        }
    }

    private void accept(JsonNode study, String location, String contentHash) {
        String nctId = study.path("protocolSection").path("identificationModule").path("nctId").asString(null);
        try {
            sink.accept(ApiV2StudyMapper.map(study, location, contentHash, criteriaEngine));
        } catch (InvalidRecordException e) {
            sink.reject(new Rejection(location, nctId, e.getMessage()));
        }
    }
}
