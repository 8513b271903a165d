package org.trialgraph.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.PointValue;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Values;

/**
 * A staging file of nodes or relationships in a compact binary form, written once in input order and read back
 * (possibly several times) by the batch importer. Property values take the types Cypher would store for the same
 * parameters: integers as long, lists as string arrays, and null values are left out. Each entity is prefixed with
 * its length, so that readers can take a batch of entities as bytes under a lock and decode them in parallel.
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
        return new Writer(new BufferedOutputStream(Files.newOutputStream(path), 1 << 20));
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

        /** Every name by its code; read once writing is done, so that decoding needs no lock. */
        synchronized String[] table() {
            return names.toArray(String[]::new);
        }
    }

    /**
     * Writes each entity into a reused buffer and then to the file in one call. Through a {@code DataOutputStream}
     * over a {@code ByteArrayOutputStream} every short, int and byte was a synchronized call: a tenth of the staging
     * thread's CPU at 580k, with the copying.
     */
    final class Writer implements Closeable {

        private final OutputStream file;
        private ByteBuffer record = ByteBuffer.allocate(4096);

        private Writer(OutputStream file) {
            this.file = file;
        }

        void write(String name, long start, long end, Map<String, ?> properties) throws IOException {
            record.clear();
            int present = 0;
            for (Object value : properties.values()) {
                if (value != null) {
                    present++;
                }
            }
            room(Integer.BYTES + Short.BYTES + 2 * Long.BYTES + Short.BYTES);
            record.putInt(0); // the length, set below
            record.putShort((short) names.code(name)).putLong(start).putLong(end).putShort((short) present);
            for (Map.Entry<String, ?> property : properties.entrySet()) {
                if (property.getValue() != null) {
                    room(Short.BYTES);
                    record.putShort((short) names.code(property.getKey()));
                    writeValue(property.getValue());
                }
            }
            record.putInt(0, record.position() - Integer.BYTES);
            file.write(record.array(), 0, record.position());
            count++;
            propertyCount += present;
        }

        private void writeValue(Object value) {
            if (value instanceof String s) {
                room(1);
                record.put(STRING);
                writeString(s);
            } else if (value instanceof Integer || value instanceof Long) {
                room(1 + Long.BYTES);
                record.put(LONG).putLong(((Number) value).longValue());
            } else if (value instanceof Double d) {
                room(1 + Double.BYTES);
                record.put(DOUBLE).putDouble(d);
            } else if (value instanceof Boolean b) {
                room(2);
                record.put(BOOLEAN).put((byte) (b ? 1 : 0));
            } else if (value instanceof List<?> list) {
                room(1 + Integer.BYTES);
                record.put(STRINGS).putInt(list.size());
                for (Object item : list) {
                    writeString((String) item);
                }
            } else if (value instanceof PointValue point) {
                room(1 + 2 * Double.BYTES);
                record.put(POINT).putDouble(point.coordinate()[0]).putDouble(point.coordinate()[1]);
            } else {
                throw new IllegalArgumentException("cannot stage a " + value.getClass().getName());
            }
        }

        private void writeString(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            room(Integer.BYTES + bytes.length);
            record.putInt(bytes.length).put(bytes);
        }

        /** Makes room for n more bytes in the record buffer. */
        private void room(int n) {
            if (record.remaining() >= n) {
                return;
            }
            ByteBuffer larger = ByteBuffer.allocate(Math.max(record.capacity() * 2, record.position() + n));
            larger.put(record.array(), 0, record.position());
            record = larger;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** Entities read as bytes, to be decoded later by {@link Reader#decode}. */
    static final class Batch {

        private byte[] bytes = new byte[1 << 16];
        private int[] ends = new int[64];
        private int count;

        int count() {
            return count;
        }

        private void add(DataInputStream in, int length) throws IOException {
            int start = count == 0 ? 0 : ends[count - 1];
            if (start + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, start + length));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            in.readFully(bytes, start, length);
            ends[count++] = start + length;
        }
    }

    final class Reader implements Closeable {

        private final DataInputStream in;
        private final String[] names;

        private Reader(DataInputStream in) {
            this.in = in;
            this.names = EntityFile.this.names.table();
        }

        /** Reads up to max entities as bytes into the batch (cheap: the caller may hold a lock); false at the end. */
        boolean read(Batch batch, int max) throws IOException {
            batch.count = 0;
            while (batch.count < max) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                batch.add(in, length);
            }
            return batch.count > 0;
        }

        /** The i-th entity of a batch this reader filled; safe to call from several threads at once. */
        Entity decode(Batch batch, int i) throws IOException {
            int from = i == 0 ? 0 : batch.ends[i - 1];
            ByteBuffer in = ByteBuffer.wrap(batch.bytes, from, batch.ends[i] - from);
            String name = names[Short.toUnsignedInt(in.getShort())];
            long start = in.getLong();
            long end = in.getLong();
            int size = Short.toUnsignedInt(in.getShort());
            String[] keys = new String[size];
            Object[] values = new Object[size];
            for (int k = 0; k < size; k++) {
                keys[k] = names[Short.toUnsignedInt(in.getShort())];
                values[k] = readValue(in);
            }
            return new Entity(name, start, end, keys, values);
        }

        private static Object readValue(ByteBuffer in) throws IOException {
            byte type = in.get();
            return switch (type) {
                case STRING -> readTextValue(in);
                case LONG -> in.getLong();
                case DOUBLE -> in.getDouble();
                case BOOLEAN -> in.get() != 0;
                case STRINGS -> {
                    String[] strings = new String[in.getInt()];
                    for (int i = 0; i < strings.length; i++) {
                        strings[i] = readString(in);
                    }
                    yield strings;
                }
                case POINT -> Values.pointValue(CoordinateReferenceSystem.WGS_84, in.getDouble(), in.getDouble());
                default -> throw new IOException("corrupt staging file: value type " + type);
            };
        }

        /**
         * A string property as the UTF-8 bytes it was staged in: the batch importer writes a string from its UTF-8
         * bytes, so a {@code String} decoded here was encoded again at once (14 % of the node importers' CPU at 580k).
         */
        private static TextValue readTextValue(ByteBuffer in) {
            int length = in.getInt();
            int from = in.arrayOffset() + in.position();
            in.position(in.position() + length);
            return Values.utf8Value(Arrays.copyOfRange(in.array(), from, from + length));
        }

        private static String readString(ByteBuffer in) {
            int length = in.getInt();
            String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
            return s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
