package id.pemilu.recap.translog;

import id.pemilu.recap.RecapServiceApplication;
import id.pemilu.recap.storage.DurableWrites;
import id.pemilu.recap.testdata.Forms;
import id.pemilu.verifier.LogVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transparency log at scale, on the embedded H2 store: appends N result-sized entries in the sequencer's batches
 * (durable per batch), then measures storage per entry, inclusion and consistency proofs (size and time), signing a
 * head, downloading every entry over HTTP as the verifier does, and the verifier's own work (leaf hashes, root,
 * replay); then the verifier's work alone on REPLAY synthetic entries (no store, no HTTP), for the national-scale
 * replay time. Arguments: N [DATA_DIR] [REPLAY]. See bench/translog.sh.
 */
public final class LogBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args.length > 1 ? args[1] : "target/translog-bench");
        Files.createDirectories(dir);
        ConfigurableApplicationContext app = new SpringApplication(RecapServiceApplication.class).run(
                "--server.port=0", "--pemilu.mongo.embedded.data-dir=" + dir.toAbsolutePath(),
                "--pemilu.recap.seed-region=", "--spring.rabbitmq.listener.simple.auto-startup=false",
                "--logging.level.root=WARN");
        try {
            run(app, n, dir);
        } finally {
            app.close();
        }
        int replay = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (replay > 0) {
            offlineReplay(replay);
        }
    }

    /** The verifier's leaf hashes, root and replay over {@code n} result entries of n/2 TPS (two versions each). */
    static void offlineReplay(int n) {
        Random random = new Random(11);
        LogVerifier.Offline verifier = new LogVerifier.Offline();
        long nanos = 0;
        for (int i = 0; i < n; i++) {
            int t = i % (n / 2);
            String tps = String.format("%02d.%02d.%02d.%04d.%03d", 11 + t % 28, t / 28 % 50, t / 1400 % 40,
                    1000 + t / 56000, 1 + t % 30);
            String data = LogEntry.of("result", "x", Instant.now()).with("action", i < n / 2 ? "confirm" : "verify")
                    .with("tps", tps).with("desa", tps.substring(0, 13)).with("ballot", "PPWP")
                    .with("version", i < n / 2 ? 1 : 2).with("status", i < n / 2 ? "submitted" : "verified")
                    .with("counted", true)
                    .with("values", Forms.consistent(150, 150, 3, 40 + random.nextInt(40), 60 + random.nextInt(40),
                            30 + random.nextInt(30)))
                    .with("flags", List.of()).with("source", "photo-reading").with("actor", "kpps." + tps)
                    .with("role", "kpps").pending().data();
            long t0 = System.nanoTime();
            verifier.accept(data);
            nanos += System.nanoTime() - t0;
        }
        long t0 = System.nanoTime();
        long[] result = verifier.finish();
        nanos += System.nanoTime() - t0;
        System.out.printf("verifier replay alone: %,d entries (%,d TPS results, %,d region totals, %d problems) in "
                + "%.1f s = %,.0f entries/s%n", result[0], result[1], result[2], result[3], nanos / 1e9,
                result[0] / (nanos / 1e9));
    }

    static void run(ConfigurableApplicationContext app, int n, Path dir) throws Exception {
        TransparencyLog log = app.getBean(TransparencyLog.class);
        TreeHeads heads = app.getBean(TreeHeads.class);
        DurableWrites durable = app.getBean(DurableWrites.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        long before = log.size();
        long bytesBefore = size(dir);
        Random random = new Random(7);
        long entryBytes = 0;
        long start = System.nanoTime();
        long lap = start;
        for (int done = 0; done < n; ) {
            List<PendingEntry> batch = new ArrayList<>();
            for (int i = 0; i < LogSequencer.BATCH && done < n; i++, done++) {
                String tps = String.format("%02d.%02d.%02d.%04d.%03d", 11 + done % 28, done % 50, done % 40,
                        1000 + done % 900, 1 + done % 30);
                PendingEntry e = LogEntry.of("result", LogEntry.tpsSubject(tps, "PPWP"), Instant.now())
                        .with("action", "confirm").with("tps", tps).with("desa", tps.substring(0, 13))
                        .with("ballot", "PPWP").with("version", 1).with("status", "submitted").with("counted", true)
                        .with("values", Forms.consistent(140 + random.nextInt(20), 140 + random.nextInt(20), 3,
                                40 + random.nextInt(40), 60 + random.nextInt(40), 30 + random.nextInt(30)))
                        .with("flags", List.of()).with("source", "photo-reading").with("submission", "sub-" + done)
                        .with("photos", List.of("9f2c1e7a0b5d4c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6"))
                        .with("actor", "kpps." + tps).with("role", "kpps").pending();
                entryBytes += e.data().length();
                batch.add(e);
            }
            log.append(batch);
            durable.await();
            if (done % 100_000 == 0) {
                long now = System.nanoTime();
                System.out.printf("  %,d entries: last 100,000 at %,.0f entries/s%n", done,
                        100_000 / ((now - lap) / 1e9));
                lap = now;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = log.size();
        System.out.printf("append: %,d entries in %.1f s = %,.0f entries/s (batches of %d, durable per batch); "
                + "entry %.0f bytes on average%n", n, seconds, n / seconds, LogSequencer.BATCH, entryBytes / (double) n);
        long t = System.nanoTime();
        TreeHeads.Head head = heads.signIfGrown(java.time.Duration.ZERO);
        System.out.printf("signed tree head of %,d entries in %.1f ms%n", head.treeSize(), (System.nanoTime() - t) / 1e6);
        Thread.sleep(1500);
        System.out.printf("storage: %,d bytes for %,d entries = %.0f bytes/entry (H2 file, entries + ids + nodes + "
                + "latest)%n", size(dir) - bytesBefore, n, (size(dir) - bytesBefore) / (double) n);

        log.forgetCache();
        int proofs = 1000;
        long pathHashes = 0;
        t = System.nanoTime();
        for (int i = 0; i < proofs; i++) {
            pathHashes += log.inclusion((long) (random.nextDouble() * size), size).size();
        }
        System.out.printf("inclusion proof at %,d entries: %.1f hashes = %.0f bytes, %.2f ms each (1000 random, cache "
                + "cold at first)%n", size, pathHashes / (double) proofs, pathHashes * 32.0 / proofs,
                (System.nanoTime() - t) / 1e6 / proofs);
        t = System.nanoTime();
        List<byte[]> consistency = log.consistency(size / 3, size);
        System.out.printf("consistency proof %,d → %,d: %d hashes = %d bytes, %.1f ms%n", size / 3, size,
                consistency.size(), consistency.size() * 32, (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        log.root(size - 1);
        System.out.printf("root of an older size (%,d) from stored subtrees: %.1f ms%n", size - 1,
                (System.nanoTime() - t) / 1e6);

        // what the verifier does: every entry over HTTP, then hashes, root, replay
        HttpClient http = HttpClient.newHttpClient();
        JsonMapper json = JsonMapper.builder().build();
        LogVerifier.Offline verifier = new LogVerifier.Offline();
        long downloaded = 0;
        long verifyNanos = 0;
        t = System.nanoTime();
        for (long from = 0; from < size; from += LogController.MAX_ENTRIES) {
            long to = Math.min(size, from + LogController.MAX_ENTRIES);
            String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/recap/public/log/entries?start=" + from + "&end=" + to)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> page = new ArrayList<>();
            for (JsonNode e : json.readTree(body).get("entries")) {
                page.add(e.get("data").asString());
            }
            downloaded += page.size();
            long v = System.nanoTime();
            page.forEach(verifier::accept);
            verifyNanos += System.nanoTime() - v;
        }
        long v = System.nanoTime();
        long[] replay = verifier.finish();
        verifyNanos += System.nanoTime() - v;
        double verify = verifyNanos / 1e9;
        double download = (System.nanoTime() - t) / 1e9 - verify;
        System.out.printf("verifier: download %,d entries over HTTP %.1f s (%,.0f entries/s); leaf hashes + root + "
                + "replay %.1f s (%,d results, %,d region totals); total %.1f s%n", downloaded, download,
                downloaded / download, verify, replay[1], replay[2], download + verify);
        System.out.printf("(log held %,d entries before this run)%n", before);
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
