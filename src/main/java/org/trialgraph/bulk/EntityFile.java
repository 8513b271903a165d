package org.trialgraph.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.PointValue;
import org.neo4j.values.storable.Values;

/**
 * A staging file of nodes or relationships in a compact binary form, written once in input order and read back
 * (possibly several times) by the batch importer. Property values take the types Cypher would store for the same
 * parameters: integers as long, lists as string arrays, and null values are left out.
 */
final class EntityFile {

    private static final byte STRING = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte STRINGS = 4;
    private static final byte POINT = 5;

    private final Path path;
    private final Names names;
    private long count;
    private long propertyCount;

    EntityFile(Path path, Names names) {
        this.path = path;
        this.names = names;
    }

    long count() {
        return count;
    }

    long propertyCount() {
        return propertyCount;
    }

    long bytes() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Writer writer() throws IOException {
        return new Writer(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)));
    }

    Reader reader() throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 20)));
    }

    /** Interned names of labels, types and property keys: each is written as a short code. */
    static final class Names {
        private final Map<String, Integer> codes = new java.util.HashMap<>();
        private final List<String> names = new ArrayList<>();

        synchronized int code(String name) {
            return codes.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }

        synchronized String name(int code) {
            return names.get(code);
        }
    }

    final class Writer implements Closeable {

        private final DataOutputStream out;

        private Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(String name, long start, long end, Map<String, ?> properties) throws IOException {
            out.writeShort(names.code(name));
            out.writeLong(start);
            out.writeLong(end);
            int present = 0;
            for (Object value : properties.values()) {
                if (value != null) {
                    present++;
                }
            }
            out.writeShort(present);
            for (Map.Entry<String, ?> property : properties.entrySet()) {
                if (property.getValue() != null) {
                    out.writeShort(names.code(property.getKey()));
                    writeValue(property.getValue());
                }
            }
            count++;
            propertyCount += present;
        }

        private void writeValue(Object value) throws IOException {
            if (value instanceof String s) {
                out.writeByte(STRING);
                writeString(s);
            } else if (value instanceof Integer || value instanceof Long) {
                out.writeByte(LONG);
                out.writeLong(((Number) value).longValue());
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (value instanceof Boolean b) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            } else if (value instanceof List<?> list) {
                out.writeByte(STRINGS);
                out.writeInt(list.size());
                for (Object item : list) {
                    writeString((String) item);
                }
            } else if (value instanceof PointValue point) {
                out.writeByte(POINT);
                out.writeDouble(point.coordinate()[0]);
                out.writeDouble(point.coordinate()[1]);
            } else {
                throw new IllegalArgumentException("cannot stage a " + value.getClass().getName());
            }
        }

        private void writeString(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    final class Reader implements Closeable {

        private final DataInputStream in;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next entity, or null at the end of the file. */
        Entity next() throws IOException {
            int name;
            try {
                name = in.readUnsignedShort();
            } catch (EOFException end) {
                return null;
            }
            long start = in.readLong();
            long end = in.readLong();
            int size = in.readUnsignedShort();
            String[] keys = new String[size];
            Object[] values = new Object[size];
            for (int i = 0; i < size; i++) {
                keys[i] = names.name(in.readUnsignedShort());
                values[i] = readValue();
            }
            return new Entity(names.name(name), start, end, keys, values);
        }

        private Object readValue() throws IOException {
            byte type = in.readByte();
            return switch (type) {
                case STRING -> readString();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case STRINGS -> {
                    String[] strings = new String[in.readInt()];
                    for (int i = 0; i < strings.length; i++) {
                        strings[i] = readString();
                    }
                    yield strings;
                }
                case POINT -> Values.pointValue(CoordinateReferenceSystem.WGS_84, in.readDouble(), in.readDouble());
                default -> throw new IOException("corrupt staging file: value type " + type);
            };
        }

        private String readString() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
