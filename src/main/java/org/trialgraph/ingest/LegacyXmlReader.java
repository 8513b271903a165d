package org.trialgraph.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams {@code <clinical_study>} elements out of a legacy ClinicalTrials.gov XML document with StAX, one at a
 * time: a document whose root is a study (the AllPublicXML layout), or any root holding several. The parser loads
 * no DTD and resolves no external entity.
 */
final class LegacyXmlReader {

    static final String STUDY = "clinical_study";

    /** Receives each study element with its location. */
    interface Handler {
        void study(XmlElement study, String location);
    }

    // The results section is by far the largest part of a record and nothing of it is imported but its presence.
    private static final Set<String> KEPT_EMPTY = Set.of("clinical_results");
    private static final int MAX_DEPTH = 64;

    private static final XMLInputFactory FACTORY = secureFactory();

    private LegacyXmlReader() {
    }

    private static XMLInputFactory secureFactory() {
        // The JDK's own parser, whatever else is on the classpath.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Reads every study of the document; returns how many. Throws on malformed XML, after handing over the
     * studies before the fault.
     */
    static int read(InputStream in, String location, Handler handler) throws XMLStreamException {
        XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
        try {
            int count = 0;
            boolean rootIsStudy = false;
            boolean atRoot = true;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                boolean isStudy = reader.getLocalName().equals(STUDY);
                if (atRoot) {
                    rootIsStudy = isStudy;
                    atRoot = false;
                }
                if (isStudy) {
                    XmlElement study = element(reader, 0);
                    handler.study(study, rootIsStudy ? location : location + "#[" + count + "]");
                    count++;
                }
            }
            return count;
        } finally {
            reader.close();
        }
    }

    private static XmlElement element(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new XMLStreamException("elements nested more than " + MAX_DEPTH + " deep", reader.getLocation());
        }
        String name = reader.getLocalName();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        if (KEPT_EMPTY.contains(name)) {
            skipContent(reader);
            return new XmlElement(name, Map.copyOf(attributes), "", List.of());
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader, depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, Map.copyOf(attributes), children.isEmpty() ? text.toString() : "",
                            List.copyOf(children));
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private static void skipContent(XMLStreamReader reader) throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }
}
