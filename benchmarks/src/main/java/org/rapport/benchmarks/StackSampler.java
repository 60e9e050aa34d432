package org.rapport.benchmarks;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A sampling profiler for the server process, from outside: attaches (Attach API), starts the
 * JVM's local JMX agent and takes a thread dump ({@code ThreadMXBean.dumpAllThreads}) every few
 * milliseconds; keeps the stacks of the threads that were running (not waiting on a socket or
 * in the sampler's own JMX threads). {@link #mark} snapshots the exact CPU time of every Java
 * thread and the GC time, so a report gives per window: CPU seconds by thread, the hottest
 * methods by self and total samples, and the GC time.
 *
 * <p>Used instead of JFR, which cannot record this server yet: with a recording running, Jdbi's
 * JFR statement event is instrumented with references to {@code jdk.jfr.internal.*} classes that
 * the store bundle's class loader cannot load (no boot delegation for them), and every statement
 * fails with {@code NoClassDefFoundError}.
 */
public final class StackSampler implements AutoCloseable {

    /** Top frames of a thread that is RUNNABLE but idle (waiting for the network). */
    private static final Set<String> IDLE_TOP = Set.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll",
            "sun.nio.ch.SocketDispatcher.read0", "sun.nio.ch.EPollPort.poll", "java.net.SocketInputStream.socketRead0",
            "sun.nio.ch.SocketDispatcher.readv0", "sun.nio.fs.LinuxWatchService.poll");

    private static final int PATH_DEPTH = 4;

    private record Sample(long millis, String thread, String[] frames) {}

    /** CPU nanoseconds by thread name, GC milliseconds and the wall clock at one moment. */
    public record Mark(Instant at, Map<String, Long> cpuNanos, long gcMillis, long gcCount) {}

    private final JMXConnector connector;
    private final com.sun.management.ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile int dumps;

    private StackSampler(JMXConnector connector, long periodMs) throws IOException, javax.management.MalformedObjectNameException {
        this.connector = connector;
        MBeanServerConnection mbeans = connector.getMBeanServerConnection();
        this.threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                com.sun.management.ThreadMXBean.class);
        for (var name : mbeans.queryNames(new javax.management.ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"),
                null)) {
            collectors.add(ManagementFactory.newPlatformMXBeanProxy(mbeans, name.toString(), GarbageCollectorMXBean.class));
        }
        this.sampler = new Thread(() -> loop(periodMs), "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Attaches to {@code pid} and starts sampling every {@code periodMs}. */
    public static StackSampler attach(long pid, long periodMs) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String url;
            try {
                url = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new StackSampler(JMXConnectorFactory.connect(new JMXServiceURL(url)), periodMs);
        } catch (com.sun.tools.attach.AttachNotSupportedException | javax.management.MalformedObjectNameException e) {
            throw new IOException("cannot attach to " + pid + ": " + e, e);
        }
    }

    private void loop(long periodMs) {
        while (running) {
            long start = System.currentTimeMillis();
            try {
                ThreadInfo[] infos = threads.dumpAllThreads(false, false);
                long now = System.currentTimeMillis();
                dumps++;
                for (ThreadInfo info : infos) {
                    if (info.getThreadState() != Thread.State.RUNNABLE || ignored(info.getThreadName())) {
                        continue;
                    }
                    StackTraceElement[] stack = info.getStackTrace();
                    if (stack.length == 0 || IDLE_TOP.contains(name(stack[0]))) {
                        continue;
                    }
                    String[] frames = new String[stack.length];
                    for (int i = 0; i < stack.length; i++) {
                        frames[i] = name(stack[i]).intern();
                    }
                    samples.add(new Sample(now, info.getThreadName(), frames));
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
            }
            long sleep = periodMs - (System.currentTimeMillis() - start);
            if (sleep > 0) {
                Server.sleep(sleep);
            }
        }
    }

    private static boolean ignored(String thread) {
        return thread.startsWith("RMI ") || thread.startsWith("JMX ") || thread.equals("Attach Listener")
                || thread.equals("Signal Dispatcher") || thread.equals("Reference Handler");
    }

    private static String name(StackTraceElement e) {
        return e.getClassName() + "." + e.getMethodName();
    }

    /** The CPU time of every live Java thread (summed by name) and the GC time, now. */
    public Mark mark() {
        Map<String, Long> cpu = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        long[] times = threads.getThreadCpuTime(ids);
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && times[i] > 0) {
                cpu.merge(infos[i].getThreadName(), times[i], Long::sum);
            }
        }
        long gc = 0;
        long count = 0;
        for (GarbageCollectorMXBean c : collectors) {
            gc += c.getCollectionTime();
            count += c.getCollectionCount();
        }
        return new Mark(Instant.now(), cpu, gc, count);
    }

    /** A text report of the window between two marks. */
    public String report(String title, Mark from, Mark to, int top) {
        long a = from.at().toEpochMilli();
        long b = to.at().toEpochMilli();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> product = new HashMap<>();
        Map<String, Integer> paths = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int count = 0;
        for (Sample s : samples) {
            if (s.millis() < a || s.millis() >= b) {
                continue;
            }
            count++;
            byThread.merge(group(s.thread()), 1, Integer::sum);
            self.merge(s.frames()[0], 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean productSeen = false;
            for (String f : s.frames()) {
                if (seen.add(f)) {
                    total.merge(f, 1, Integer::sum);
                }
                if (!productSeen && f.startsWith("org.rapport.")) {
                    product.merge(f, 1, Integer::sum);
                    productSeen = true;
                }
            }
            paths.merge(productPath(s.frames()), 1, Integer::sum);
        }
        Map<String, Long> cpu = new HashMap<>();
        to.cpuNanos().forEach((thread, nanos) -> {
            long delta = nanos - from.cpuNanos().getOrDefault(thread, 0L);
            if (delta > 0) {
                cpu.merge(group(thread), delta, Long::sum);
            }
        });
        double seconds = (b - a) / 1000.0;
        double cpuAll = cpu.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("== %s: %.1f s wall; Java threads used %.1f CPU s; GC %d collections, %.2f s; %d running-thread samples%n",
                title, seconds, cpuAll, to.gcCount() - from.gcCount(), (to.gcMillis() - from.gcMillis()) / 1000.0, count));
        sb.append("-- CPU seconds by thread (exact, ThreadMXBean)\n");
        cpu.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(12)
                .forEach(e -> sb.append(String.format("%8.2f s  %s%n", e.getValue() / 1e9, e.getKey())));
        sb.append("-- running-thread samples by thread\n");
        append(sb, byThread, count, 12);
        sb.append("-- hottest methods, self (top frame)\n");
        append(sb, self, count, top);
        sb.append("-- hottest methods, total (anywhere on the stack)\n");
        append(sb, total, count, top);
        sb.append("-- innermost product frame (org.rapport.*) of each sample\n");
        append(sb, product, count, top);
        sb.append("-- product call paths (the innermost org.rapport.* frames, caller first)\n");
        append(sb, paths, count, top);
        return sb.toString();
    }

    /** The innermost {@value #PATH_DEPTH} distinct product frames of a stack, caller first, short class names. */
    private static String productPath(String[] frames) {
        List<String> path = new ArrayList<>();
        for (String f : frames) {
            if (f.startsWith("org.rapport.") && !f.contains("$$Lambda") && !f.contains(".lambda$")) {
                String shortName = f.substring(f.lastIndexOf('.', f.lastIndexOf('.') - 1) + 1);
                if (path.isEmpty() || !path.get(path.size() - 1).equals(shortName)) {
                    path.add(shortName);
                }
                if (path.size() == PATH_DEPTH) {
                    break;
                }
            }
        }
        if (path.isEmpty()) {
            return "(no product frame) " + frames[0];
        }
        java.util.Collections.reverse(path);
        return String.join(" > ", path);
    }

    private static void append(StringBuilder sb, Map<String, ? extends Number> counts, int all, int top) {
        counts.entrySet().stream()
                .sorted((x, y) -> Double.compare(y.getValue().doubleValue(), x.getValue().doubleValue()))
                .limit(top)
                .forEach(e -> sb.append(String.format("%6d %5.1f%%  %s%n", e.getValue().intValue(),
                        all == 0 ? 0 : 100.0 * e.getValue().doubleValue() / all, e.getKey())));
    }

    /** Thread names without their running numbers, so a pool counts as one ("qtp123-45" → "qtp#-#"). */
    static String group(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    /** Thread dumps taken so far. */
    public int dumps() {
        return dumps;
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connector.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
