package org.trialgraph.scale;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes generated studies as JSON lines, one at a time (memory does not grow with the size), either as a
 * {@code .jsonl} file or as a {@code .zip} holding one {@code .jsonl} member. The same generator and size give
 * the same bytes: the zip member has a fixed name and timestamp.
 */
final class ScaleWriter {

    /** The timestamp of every zip member, so archives do not differ by the time they were written. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScaleWriter() {
    }

    static void write(ScaleGenerator generator, long size, Path out, LongConsumer progress) throws IOException {
        if (size < 1 || size > ScaleGenerator.MAX_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + ScaleGenerator.MAX_SIZE + ", was " + size);
        }
        String name = out.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jsonl") && !lower.endsWith(".zip")) {
            throw new IllegalArgumentException("out: must end with .jsonl or .zip, was " + name);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            if (lower.endsWith(".jsonl")) {
                writeLines(generator, size, file, progress);
                return;
            }
            try (ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                ZipEntry entry = new ZipEntry(memberName(name));
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                writeLines(generator, size, zip, progress);
                zip.closeEntry();
            }
        }
    }

    /** registry-10k.jsonl.zip and registry-10k.zip both hold registry-10k.jsonl. */
    static String memberName(String zipName) {
        String base = zipName.substring(0, zipName.length() - ".zip".length());
        return base.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? base : base + ".jsonl";
    }

    private static void writeLines(ScaleGenerator generator, long size, OutputStream out, LongConsumer progress)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (long i = 0; i < size; i++) {
            writer.write(JSON.writeValueAsString(generator.study(i)));
            writer.write('\n');
            progress.accept(i + 1);
        }
        writer.flush();
    }
}
