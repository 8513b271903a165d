package org.trialgraph.bulk;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar with rate and ETA: redrawn in place every second on a terminal, a plain line every ten seconds
 * otherwise (logs, CI). Progress is measured in the phase's own unit (input bytes while reading, percent while
 * writing the store); the rate is in studies per second.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bulk-import-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong studies = new AtomicLong();
    private volatile String phase = "";
    private volatile long total = 1;
    private volatile long started = System.nanoTime();

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        long period = terminal ? 1 : 10;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.SECONDS);
    }

    /** Starts a phase measured up to {@code total} (bytes, percent ...). */
    synchronized void phase(String name, long total) {
        finishLine();
        this.phase = name;
        this.total = Math.max(1, total);
        this.done.set(0);
        this.started = System.nanoTime();
    }

    void progress(long done, long studies) {
        this.done.set(done);
        this.studies.set(studies);
    }

    void progress(long done) {
        this.done.set(done);
    }

    private synchronized void draw() {
        double fraction = Math.min(1.0, done.get() / (double) total);
        double seconds = (System.nanoTime() - started) / 1e9;
        int filled = (int) (fraction * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String eta = fraction > 0.005 ? duration(seconds / fraction - seconds) : "?";
        String line = String.format("%-22s %3.0f%% [%s] %,d studies, %,.0f studies/s, %s elapsed, ETA %s", phase,
                fraction * 100, bar, studies.get(), seconds > 0 ? studies.get() / seconds : 0, duration(seconds), eta);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else {
            out.println(line);
        }
    }

    private void finishLine() {
        if (!phase.isEmpty()) {
            done.set(total);
            draw();
            if (terminal) {
                out.println();
            }
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        finishLine();
        phase = "";
    }
}
