package org.trialgraph.bulk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.trialgraph.criteria.EligibilityEngine;
import org.trialgraph.criteria.PlainLanguageRenderer;
import org.trialgraph.ingest.BulkRows;
import org.trialgraph.ingest.Rejection;
import org.trialgraph.ingest.StudyRecord;

/**
 * Reads studies, runs the criteria engine on a worker pool (one thread per core) while the reading thread parses
 * the next records, stages the graph in input order on one more thread ({@link GraphStaging}), then writes the
 * store with the batch importer ({@link StoreWriter}). At most {@value #IN_FLIGHT} studies are between the reader
 * and the stager at any time, so memory does not grow with the input.
 */
final class BulkImporter {

    static final int IN_FLIGHT = 4_096;

    /** What the bulk phase did; {@code setAside} are repeated NCT ids left to the normal writer. */
    record Result(long read, long staged, List<Rejection> rejected, List<StudyRecord> setAside, long nodes,
            long relationships, double readSeconds, double storeSeconds) {
    }

    /** A legacy XML record: bulk-import reads API v2 JSON only. */
    static final class UnsupportedFormatException extends RuntimeException {
        UnsupportedFormatException(String location) {
            super(location + " is legacy XML: bulk-import reads ClinicalTrials.gov API v2 JSON only; import XML "
                    + "with the `import` command (after bulk-import, or instead of it). Nothing was written.");
        }
    }

    private static final Object END = new Object();

    private final EligibilityEngine engine = new EligibilityEngine(PlainLanguageRenderer.NONE);
    private final ProgressBar progress;
    private final long maxInflatedBytes;

    BulkImporter(ProgressBar progress, long maxInflatedBytes) {
        this.progress = progress;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    Result run(List<Path> paths, Path home, StoreWriter store) throws IOException {
        List<Path> files = inputFiles(paths);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        Files.createDirectories(home);
        Path stagingDir = Files.createTempDirectory(home.toAbsolutePath(), "bulk-staging-");
        try {
            long started = System.nanoTime();
            progress.phase("reading + staging", totalBytes);
            String importedAt = Instant.now().toString();
            Staged staged = stage(files, stagingDir, importedAt);
            double readSeconds = (System.nanoTime() - started) / 1e9;
            StagedGraph graph = staged.graph();
            progress.phase("writing the store", 100);
            store.write(graph, progress::progress);
            double storeSeconds = (System.nanoTime() - started) / 1e9 - readSeconds;
            progress.close();
            return new Result(staged.read(), staged.staged(), staged.rejected(), staged.setAside(),
                    graph.nodeCount(), graph.relationshipCount(), readSeconds, storeSeconds);
        } finally {
            deleteRecursively(stagingDir);
        }
    }

    /**
     * What staging leaves for the rest of the run. Not the {@link GraphStaging} itself: its keys of shared nodes (~3 GB
     * at 580k studies) would otherwise stay reachable, and be marked by every collection, while the store is written.
     */
    private record Staged(long read, long staged, List<StudyRecord> setAside, StagedGraph graph,
            List<Rejection> rejected) {
    }

    private Staged stage(List<Path> files, Path stagingDir, String importedAt) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
        List<Rejection> rejected = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong read = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        GraphStaging staging = new GraphStaging(stagingDir);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                daemon("bulk-import-criteria"));
        long[] handled = {0};
        Thread stager = daemon("bulk-import-staging").newThread(() -> {
            try {
                while (true) {
                    Object next = queue.take();
                    if (next == END) {
                        return;
                    }
                    Queued queued = (Queued) next;
                    Object done = queued.work().get();
                    if (done instanceof Rejection rejection) {
                        rejected.add(rejection);
                    } else {
                        staging.add((GraphStaging.Prepared) done);
                    }
                    progress.progress(queued.bytesRead(), ++handled[0]);
                }
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
            queue.clear();
        });
        stager.start();
        try {
            for (Path file : files) {
                try (InputStream in = counting(Files.newInputStream(file), bytes)) {
                    BulkRows.read(file.toString(), file.getFileName().toString(), in, engine, maxInflatedBytes,
                            study -> {
                                if (!BulkRows.API_V2_FORMAT.equals(study.provenance().format())) {
                                    throw new UnsupportedFormatException(study.provenance().location());
                                }
                                read.incrementAndGet();
                                put(queue, new Queued(workers.submit(() -> GraphStaging.Prepared.of(study, importedAt)),
                                        bytes.get()), failure);
                            }, rejection -> {
                                read.incrementAndGet();
                                put(queue, new Queued(CompletableFuture.completedFuture(rejection), bytes.get()), failure);
                            });
                } catch (IOException e) {
                    read.incrementAndGet();
                    put(queue, new Queued(CompletableFuture.completedFuture(new Rejection(file.toString(), null,
                            "cannot read: " + e.getMessage())), bytes.get()), failure);
                }
            }
            put(queue, END, failure);
            stager.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            stager.interrupt();
        } finally {
            workers.shutdownNow();
        }
        if (failure.get() != null) {
            staging.close();
            if (failure.get() instanceof RuntimeException e) {
                throw e;
            }
            throw new IOException(failure.get().getMessage(), failure.get());
        }
        return new Staged(read.get(), staging.staged(), staging.setAside(), staging.finish(), rejected);
    }

    /** A study (or rejection) on its way to the stager, with how far the input had been read when it was. */
    private record Queued(Future<?> work, long bytesRead) {
    }

    private static void put(BlockingQueue<Object> queue, Object item, AtomicReference<Throwable> failure) {
        try {
            while (!queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new IllegalStateException("staging failed", failure.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The files a path names, as {@code import} walks them: directories recursively, sorted. */
    static List<Path> inputFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(BulkRows::isImportable).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static InputStream counting(InputStream in, AtomicLong bytes) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
