package org.rapport.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code jcmd} of the benchmark's own JDK against the server process: full GC, heap figures, JFR dump. */
public final class Jcmd {

    /** "def new generation   total 157248K, used 2796K" and the like: one line per heap generation or region set. */
    private static final Pattern HEAP_LINE = Pattern.compile("^\\s*(.+?)\\s+total (\\d+)K, used (\\d+)K");

    /** Heap figures in MiB from {@code GC.heap_info}: used and committed over all generations (Metaspace excluded). */
    public record Heap(double usedMb, double committedMb, String text) {}

    private Jcmd() {
    }

    /** Runs {@code jcmd PID args...} and answers its output; fails on a non-zero exit or after 120 s. */
    public static String run(long pid, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Forces a full collection ({@code GC.run}). */
    public static void gc(long pid) throws IOException {
        run(pid, "GC.run");
    }

    /** The heap as {@code GC.heap_info} reports it. */
    public static Heap heap(long pid) throws IOException {
        String text = run(pid, "GC.heap_info");
        return parseHeap(text);
    }

    /**
     * Live objects of the heap after the full GC that {@code GC.class_histogram} runs: the
     * histogram's "Total" bytes, in MiB, and the histogram text.
     */
    public record Live(double mb, String histogram) {}

    /** {@code GC.class_histogram} (a full GC, then the live objects by class). */
    public static Live live(long pid) throws IOException {
        String text = run(pid, "GC.class_histogram");
        return new Live(parseHistogramTotal(text) / 1048576.0, text);
    }

    /** The bytes of the histogram's {@code Total} line, or -1. */
    static long parseHistogramTotal(String text) {
        Matcher m = Pattern.compile("(?m)^\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(text);
        return m.find() ? Long.parseLong(m.group(2)) : -1;
    }

    static Heap parseHeap(String text) {
        long used = 0;
        long committed = 0;
        for (String line : text.split("\\R")) {
            Matcher m = HEAP_LINE.matcher(line);
            if (m.find() && !m.group(1).startsWith("Metaspace") && !m.group(1).startsWith("class space")) {
                committed += Long.parseLong(m.group(2));
                used += Long.parseLong(m.group(3));
            }
        }
        return new Heap(used / 1024.0, committed / 1024.0, text);
    }
}
