package id.pemilu.gatewaybench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed-loop load generator for the public read path: N clients, each on its own keep-alive connection, each sending
 * its next GET as soon as the previous one was answered (optionally no sooner than its share of a target rate), for a
 * warm-up and then a measured duration. Prints requests/s, latency percentiles (from the request's first byte written
 * to the answer's last byte read), status counts and bytes, plus the load average and, for the processes named with
 * {@code pids=}, their CPU time per request. A plain HTTP/1.1 client over sockets (no library): the generator shares
 * the machine with what it measures, so it must cost little.
 * <p>
 * Arguments ({@code key=value}): {@code url} (gateway, default http://127.0.0.1:8080), {@code path} (one or more,
 * comma separated: each client takes them in turn), {@code clients} (64), {@code seconds} (30), {@code warmup} (10),
 * {@code rate} (total requests/s to aim at, 0 = as fast as answered), {@code revalidate} (true: send the last ETag in
 * If-None-Match, as a browser reloading does), {@code gzip} (true: Accept-Encoding: gzip), {@code pids} (name:pid,...).
 * Runnable without a build: {@code java gateway/src/test/java/id/pemilu/gatewaybench/ReadBench.java path=...}.
 */
public final class ReadBench {

    private ReadBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("url", "http://127.0.0.1:8080", "clients", "64",
                "seconds", "30", "warmup", "10", "rate", "0", "revalidate", "false", "gzip", "true", "pids", ""));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("argument not key=value: " + arg);
            }
            opts.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        if (!opts.containsKey("path")) {
            throw new IllegalArgumentException("path=/api/recap/public/totals?region=31 (comma separated) is required");
        }
        URI url = URI.create(opts.get("url"));
        List<String> paths = List.of(opts.get("path").split(","));
        int clients = Integer.parseInt(opts.get("clients"));
        double rate = Double.parseDouble(opts.get("rate"));
        Settings settings = new Settings(url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), paths,
                Boolean.parseBoolean(opts.get("revalidate")), Boolean.parseBoolean(opts.get("gzip")),
                rate <= 0 ? 0 : (long) (clients * 1e9 / rate));
        Map<String, Long> pids = parsePids(opts.get("pids"));

        Client[] all = new Client[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            all[i] = new Client(settings, i);
            threads[i] = new Thread(all[i], "reader-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        long warmupMillis = (long) (Double.parseDouble(opts.get("warmup")) * 1000);
        Thread.sleep(warmupMillis);
        for (Client c : all) {
            c.startMeasuring();
        }
        String loadBefore = loadAverage();
        Map<String, Long> cpuBefore = cpuMillis(pids);
        long ownCpuBefore = ownCpuNanos();
        long started = System.nanoTime();
        Thread.sleep((long) (Double.parseDouble(opts.get("seconds")) * 1000));
        for (Client c : all) {
            c.stopMeasuring();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long ownCpu = ownCpuNanos() - ownCpuBefore;
        Map<String, Long> cpuAfter = cpuMillis(pids);
        String loadAfter = loadAverage();
        for (Client c : all) {
            c.stop();
        }
        report(opts, all, elapsed, loadBefore, loadAfter, pids, cpuBefore, cpuAfter, ownCpu);
    }

    private static void report(Map<String, String> opts, Client[] all, double elapsed, String loadBefore,
                               String loadAfter, Map<String, Long> pids, Map<String, Long> cpuBefore,
                               Map<String, Long> cpuAfter, long ownCpuNanos) {
        int n = 0;
        for (Client c : all) {
            n += c.count;
        }
        long[] latencies = new long[n];
        int at = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        long bytes = 0;
        long errors = 0;
        long late = 0;
        for (Client c : all) {
            System.arraycopy(c.latencies, 0, latencies, at, c.count);
            at += c.count;
            c.statuses.forEach((s, k) -> statuses.merge(s, k, Long::sum));
            bytes += c.bytes;
            errors += c.errors;
            late += c.late;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "GET %s via %s: %d clients, %.1f s measured after %s s warm-up%s%s%n",
                opts.get("path"), opts.get("url"), all.length, elapsed, opts.get("warmup"),
                Double.parseDouble(opts.get("rate")) > 0 ? ", aiming at " + opts.get("rate") + " req/s" : "",
                Boolean.parseBoolean(opts.get("revalidate")) ? ", If-None-Match with the last ETag" : "");
        System.out.printf(Locale.ROOT, "  %d answers = %.0f req/s; latency ms p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                n, n / elapsed, pct(latencies, 0.50), pct(latencies, 0.95), pct(latencies, 0.99),
                n == 0 ? 0.0 : latencies[n - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  status %s; connection errors %d; %s bytes received (%.0f per answer, "
                + "headers included)%s%n", statuses, errors, String.format(Locale.ROOT, "%,d", bytes),
                n == 0 ? 0.0 : (double) bytes / n, late > 0 ? "; " + late + " sends behind the target rate" : "");
        StringBuilder cpu = new StringBuilder();
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            Long before = cpuBefore.get(p.getKey());
            Long after = cpuAfter.get(p.getKey());
            if (before != null && after != null && n > 0) {
                cpu.append(String.format(Locale.ROOT, "%s %.3f  ", p.getKey(), (after - before) / (double) n));
            }
        }
        cpu.append(String.format(Locale.ROOT, "load-generator %.3f", ownCpuNanos / 1e6 / Math.max(1, n)));
        System.out.println("  CPU ms per answer: " + cpu.toString().trim());
        System.out.println("  load average before: " + loadBefore + "; after: " + loadAfter + " ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static Map<String, Long> parsePids(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                pids.put(part.substring(0, colon), Long.parseLong(part.substring(colon + 1).trim()));
            }
        }
        return pids;
    }

    /** utime + stime of each process in ms (Linux /proc; clock ticks of 10 ms), absent when unreadable. */
    private static Map<String, Long> cpuMillis(Map<String, Long> pids) {
        Map<String, Long> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10);
            } catch (IOException | RuntimeException unreadable) {
                // not on Linux, or the process is gone: no CPU figure for it
            }
        });
        return out;
    }

    private static long ownCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException unreadable) {
            return "?";
        }
    }

    record Settings(String host, int port, List<String> paths, boolean revalidate, boolean gzip, long intervalNanos) {
    }

    /** One simulated phone: one keep-alive connection, one request at a time. */
    static final class Client implements Runnable {

        private final Settings settings;
        private final int index;
        private final Map<String, String> etags = new LinkedHashMap<>();
        private volatile boolean measuring;
        private volatile boolean running = true;
        long[] latencies = new long[4096];
        int count;
        long bytes;
        long errors;
        long late;
        final Map<Integer, Long> statuses = new TreeMap<>();
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Client(Settings settings, int index) {
            this.settings = settings;
            this.index = index;
        }

        void startMeasuring() {
            synchronized (this) {
                count = 0;
                bytes = 0;
                errors = 0;
                late = 0;
                statuses.clear();
                measuring = true;
            }
        }

        void stopMeasuring() {
            synchronized (this) {
                measuring = false;
            }
        }

        void stop() {
            running = false;
            close();
        }

        @Override
        public void run() {
            // paced clients start spread over one interval, not all at once
            long next = System.nanoTime() + (settings.intervalNanos() == 0 ? 0
                    : java.util.concurrent.ThreadLocalRandom.current().nextLong(settings.intervalNanos()));
            int turn = index;
            while (running) {
                if (settings.intervalNanos() > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    } else if (measuring && wait < -settings.intervalNanos()) {
                        synchronized (this) {
                            late++;
                        }
                    }
                    next = Math.max(next + settings.intervalNanos(), System.nanoTime() - settings.intervalNanos());
                }
                String path = settings.paths().get(turn++ % settings.paths().size());
                long t0 = System.nanoTime();
                try {
                    int[] answer = exchange(path);
                    long took = System.nanoTime() - t0;
                    record(answer[0], answer[1], took);
                } catch (IOException | RuntimeException e) {
                    close();
                    if (!running) {
                        return;
                    }
                    synchronized (this) {
                        if (measuring) {
                            errors++;
                        }
                    }
                    sleepNanos(10_000_000);
                }
            }
        }

        private synchronized void record(int status, int received, long nanos) {
            if (!measuring) {
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            bytes += received;
            statuses.merge(status, 1L, Long::sum);
        }

        /** Sends one GET and reads its whole answer; returns {status, bytes received}. */
        private int[] exchange(String path) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new InetSocketAddress(settings.host(), settings.port()), 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = socket.getOutputStream();
            }
            StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(settings.host()).append(':').append(settings.port())
                    .append("\r\nUser-Agent: pemilu-readbench\r\nAccept: */*\r\n");
            if (settings.gzip()) {
                request.append("Accept-Encoding: gzip\r\n");
            }
            String etag = settings.revalidate() ? etags.get(path) : null;
            if (etag != null) {
                request.append("If-None-Match: ").append(etag).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Head head = readHead(in);
            long length = head.contentLength;
            int received = head.size;
            boolean bodiless = head.status == 304 || head.status == 204 || head.status / 100 == 1;
            if (!bodiless) {
                if (head.chunked) {
                    received += readChunked(in);
                } else if (length >= 0) {
                    skip(in, length);
                    received += (int) length;
                } else {
                    received += (int) in.transferTo(OutputStream.nullOutputStream());
                    head.close = true;
                }
            }
            if (head.etag != null) {
                etags.put(path, head.etag);
            }
            if (head.close) {
                close();
            }
            return new int[] {head.status, received};
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    static final class Head {
        int status;
        long contentLength = -1;
        boolean chunked;
        boolean close;
        String etag;
        int size;
    }

    static Head readHead(InputStream in) throws IOException {
        Head head = new Head();
        String statusLine = readLine(in, head);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        head.status = Integer.parseInt(statusLine.substring(9, 12));
        for (String line = readLine(in, head); line != null && !line.isEmpty(); line = readLine(in, head)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> head.contentLength = Long.parseLong(value);
                case "transfer-encoding" -> head.chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> head.close = value.equalsIgnoreCase("close");
                case "etag" -> head.etag = value;
                default -> { }
            }
        }
        return head;
    }

    private static String readLine(InputStream in, Head head) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            head.size++;
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new IOException("connection closed inside a header line");
    }

    private static int readChunked(InputStream in) throws IOException {
        int received = 0;
        Head counter = new Head();
        while (true) {
            String sizeLine = readLine(in, counter);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in, counter); trailer != null && !trailer.isEmpty();
                        trailer = readLine(in, counter)) {
                    // trailers are not used
                }
                return received + counter.size;
            }
            skip(in, size);
            received += (int) size;
            readLine(in, counter);
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        byte[] sink = new byte[8192];
        long left = n;
        while (left > 0) {
            int read = in.read(sink, 0, (int) Math.min(sink.length, left));
            if (read < 0) {
                throw new IOException("connection closed inside a body");
            }
            left -= read;
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
