package org.trialgraph.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The legacy XML records in ../shared/data/ctgov-xml read straight from the files (and the .tar.gz members) with
 * the JDK's DOM and XPath, independently of the importer: what tests compare the graph with.
 */
final class RawXmlRecords {

    private RawXmlRecords() {
    }

    /** Every record: its location as the importer names it, and its document. */
    static void forEach(Path root, BiConsumer<String, Document> action) {
        DocumentBuilder builder = builder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".xml")) {
                    action.accept(file.toString(), parse(builder, Files.readAllBytes(file)));
                } else if (name.endsWith(".tar.gz")) {
                    forEachMember(file, (member, bytes) -> action.accept(file + "!" + member, parse(builder, bytes)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void forEachMember(Path tarGz, BiConsumer<String, byte[]> action) {
        try (InputStream in = Files.newInputStream(tarGz);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile() && entry.getName().endsWith(".xml")) {
                    action.accept(entry.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(DocumentBuilder builder, byte[] bytes) {
        try {
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<XPath> XPATH = ThreadLocal.withInitial(() -> XPathFactory.newInstance().newXPath());

    /** The stripped text at the path, or null when absent or blank. */
    static String text(Object context, String path) {
        List<String> all = texts(context, path);
        return all.isEmpty() ? null : all.get(0);
    }

    static List<String> texts(Object context, String path) {
        List<String> texts = new ArrayList<>();
        for (Node node : nodes(context, path)) {
            String text = node.getTextContent().strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    static List<Node> nodes(Object context, String path) {
        try {
            NodeList list = (NodeList) XPATH.get().evaluate(path, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>(list.getLength());
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** "January 15, 2007" as 2007-01-15, "January 2007" as 2007-01. */
    static String isoDate(String text) {
        if (text == null) {
            return null;
        }
        return text.contains(",") ? LocalDate.parse(text, DAY).toString() : YearMonth.parse(text, MONTH).toString();
    }

    /** A display value as an API v2 constant, e.g. "Active, not recruiting" as ACTIVE_NOT_RECRUITING. */
    static String constant(String display) {
        if (display == null) {
            return null;
        }
        if (display.equals("Unknown status")) {
            return "UNKNOWN";
        }
        if (display.equals("N/A")) {
            return "NA";
        }
        return display.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** "Phase 1/Phase 2" as [PHASE1, PHASE2]. */
    static List<String> phases(String display) {
        if (display == null) {
            return List.of();
        }
        if (display.equals("N/A")) {
            return List.of("NA");
        }
        return Stream.of(display.split("/")).map(p -> constant(p).replace("PHASE_", "PHASE")).toList();
    }

    /** A textblock without the indentation and carriage returns of the XML export. */
    static String textblock(Object context, String path) {
        List<Node> nodes = nodes(context, path);
        if (nodes.isEmpty()) {
            return null;
        }
        List<String> lines = nodes.get(0).getTextContent().replace("\r", "").lines().toList();
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        String result = text.toString().strip();
        return result.isEmpty() ? null : result;
    }
}
