package id.pemilu.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The independent verifier of recap-service's transparency log, for election observers and journalists. It uses
 * only the public API (through the gateway) and the JDK:
 * <ol>
 *   <li>checks the Ed25519 signature of the latest signed tree head (and that the key is the one pinned with
 *       {@code --key} or seen on an earlier run);</li>
 *   <li>checks that the log only grew since the head saved on the earlier run (RFC 9162 consistency proof);</li>
 *   <li>downloads every entry, checks each leaf hash, recomputes the root and compares it with the signed one;</li>
 *   <li>replays the entries to the current numbers of every TPS and to every region total, and compares them with
 *       the public TPS pages, the public totals and the D.Hasil documents; prints every difference.</li>
 * </ol>
 * Exit code 0 and a last line starting with {@code consistent} when everything agrees, 1 otherwise, 2 on bad usage.
 *
 * <p>With {@code --state FILE} it remembers what it verified: the tree size and root, the key, and the log's
 * complete subtrees at that size (a few dozen hashes, so the file stays small). The next run resumes from there: it
 * proves the remembered head is a prefix of the new one (a fork or a rewritten past fails here, whatever the service
 * serves), downloads only the new entries and recomputes the new root from the remembered subtrees plus them, and
 * compares the TPS and D.Hasil those entries touch with the public pages. Region totals need every entry:
 * {@code --full} checks everything again (still against the remembered head). Without {@code --state} every run is a
 * full one.
 *
 * <p>Usage: {@code java -jar log-verifier.jar [--url http://127.0.0.1:8080] [--state verifier-state.json] [--full]
 * [--key <base64 X.509 Ed25519 key>] [--settle 6]}
 */
public final class LogVerifier {

    private static final HexFormat HEX = HexFormat.of();
    static final String HEAD_PREFIX = "pemilu-translog-sth-v1";

    /**
     * What to check: the base URL, the file that remembers the last verified head (null: none), a pinned key, seconds
     * to let changes settle, and whether to check every entry even when a remembered head allows resuming.
     */
    public record Options(String url, Path state, String pinnedKey, int settleSeconds, boolean full) {

        public Options(String url, Path state, String pinnedKey, int settleSeconds) {
            this(url, state, pinnedKey, settleSeconds, false);
        }
    }

    /**
     * The outcome: consistent or not, what was checked (entries = the tree size verified; {@code resumedFrom} = the
     * remembered size this run started from, 0 for a full run) and every difference found.
     */
    public record Report(boolean consistent, long entries, long resumedFrom, int tps, int regions, int dhasil,
                         List<String> problems) {
    }

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public LogVerifier(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Pemakaian: java -jar log-verifier.jar [--url http://127.0.0.1:8080] "
                    + "[--state verifier-state.json] [--full] [--key <kunci publik base64>] [--settle 6]");
            System.exit(2);
            return;
        }
        Report report = new LogVerifier(options, System.out).verify();
        System.exit(report.consistent() ? 0 : 1);
    }

    static Options parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        Path state = null;
        String key = null;
        int settle = 6;
        boolean full = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (args[i].equals("--full")) {
                full = true;
                continue;
            }
            switch (args[i]) {
                case "--url" -> url = required(args[i], value);
                case "--state" -> state = Path.of(required(args[i], value));
                case "--key" -> key = required(args[i], value);
                case "--settle" -> settle = Integer.parseInt(required(args[i], value));
                default -> throw new IllegalArgumentException("Pilihan tidak dikenal: " + args[i]);
            }
            i++;
        }
        return new Options(url.replaceAll("/+$", ""), state, key, settle, full);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " perlu nilai");
        }
        return value;
    }

    /** Runs every check; when only the comparison with the public pages differs, waits and looks once more. */
    public Report verify() {
        Report report = attempt();
        if (!report.consistent() && report.problems().stream().allMatch(p -> p.startsWith("BEDA"))
                && options.settleSeconds() > 0) {
            out.println("Ada perbedaan dengan halaman publik; menunggu " + options.settleSeconds()
                    + " detik (perubahan yang baru masuk) lalu memeriksa ulang...");
            sleep(options.settleSeconds() * 1000L);
            report = attempt();
        }
        if (report.consistent() && report.resumedFrom() > 0) {
            out.printf("consistent: %d entri log (lanjutan: %d entri baru sejak tree head yang diingat), %d TPS, "
                            + "%d D.Hasil diperiksa%n", report.entries(), report.entries() - report.resumedFrom(),
                    report.tps(), report.dhasil());
        } else if (report.consistent()) {
            out.printf("consistent: %d entri log, %d TPS, %d total wilayah, %d D.Hasil diperiksa%n", report.entries(),
                    report.tps(), report.regions(), report.dhasil());
        } else {
            out.println("INCONSISTENT: " + report.problems().size() + " masalah");
            report.problems().forEach(p -> out.println("  - " + p));
        }
        return report;
    }

    private Report attempt() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> head = getObject("/api/recap/public/log/head");
        long size = number(head, "treeSize").longValueExact();
        String rootHex = string(head, "rootHash");
        long timestamp = number(head, "timestamp").longValueExact();
        String publicKey = string(head, "publicKey");
        out.printf("Tree head: %d entri, root %s, ditandatangani %s (kunci %s%s)%n", size, rootHex,
                java.time.Instant.ofEpochMilli(timestamp), head.get("keyId"),
                Boolean.TRUE.equals(head.get("devKey")) ? ", KUNCI PENGEMBANGAN" : "");

        // (a) signature, and the key
        State saved = readState();
        String trustedKey = options.pinnedKey() != null ? options.pinnedKey()
                : saved == null ? null : saved.publicKey();
        if (trustedKey != null && !trustedKey.equals(publicKey)) {
            problems.add("Kunci penandatangan tree head berganti (bukan kunci yang dipercaya)");
        }
        byte[] signed = (HEAD_PREFIX + "\n" + size + "\n" + rootHex + "\n" + timestamp)
                .getBytes(StandardCharsets.UTF_8);
        if (!signatureValid(publicKey, signed, string(head, "signature"))) {
            problems.add("Tanda tangan tree head tidak sah");
            return new Report(false, 0, 0, 0, 0, 0, problems);
        }
        out.println("(a) tanda tangan tree head sah" + (trustedKey == null ? " (kunci dipercaya pertama kali)" : ""));

        // (b) append-only since the remembered head
        boolean appendOnly = false;
        if (saved != null) {
            if (saved.treeSize() > size) {
                problems.add("Log menyusut: tree head yang diingat " + saved.treeSize() + " entri, sekarang " + size);
            } else {
                Map<String, Object> proof = getObject("/api/recap/public/log/proof/consistency?first="
                        + saved.treeSize() + "&second=" + size);
                if (!MerkleProofs.verifyConsistency(saved.treeSize(), size, HEX.parseHex(saved.rootHash()),
                        HEX.parseHex(rootHex), hashes(proof))) {
                    problems.add("Log bercabang atau ditulis ulang: tree head yang diingat (" + saved.treeSize()
                            + " entri, root " + saved.rootHash() + ") bukan awalan log sekarang (" + size
                            + " entri). Bukti konsistensi gagal: entri lama diubah atau dihapus");
                } else {
                    appendOnly = true;
                    out.println("(b) konsisten dengan tree head yang disimpan (" + saved.treeSize() + " → " + size
                            + " entri)");
                }
            }
        } else {
            out.println("(b) belum ada tree head tersimpan untuk " + options.url()
                    + (options.state() == null ? " (tanpa --state)" : "; disimpan setelah pemeriksaan ini"));
        }
        boolean resume = appendOnly && !options.full() && saved.frontier() != null;
        if (saved != null && !appendOnly) {
            // a log that is not an extension of the remembered one cannot be resumed: nothing more is trusted
            return new Report(false, 0, 0, 0, 0, 0, problems);
        }

        // (c) the entries (only the new ones when resuming), every leaf, the root
        MerkleProofs.RootBuilder tree;
        long from;
        if (resume) {
            tree = MerkleProofs.RootBuilder.resume(saved.treeSize(), saved.frontier());
            if (!Arrays.equals(tree.root(), HEX.parseHex(saved.rootHash()))) {
                problems.add("Berkas status " + options.state() + " rusak: subtree yang diingat tidak menghasilkan "
                        + "root yang diingat; jalankan dengan --full");
                return new Report(false, 0, 0, 0, 0, 0, problems);
            }
            from = saved.treeSize();
        } else {
            tree = new MerkleProofs.RootBuilder();
            from = 0;
        }
        Replay replay = new Replay(resume);
        List<String> replayProblems = new ArrayList<>();
        long expected = from;
        for (long start = from; start < size; start += 1000) {
            long end = Math.min(size, start + 1000);
            Map<String, Object> page = getObject("/api/recap/public/log/entries?start=" + start + "&end=" + end);
            for (Object item : (List<?>) page.get("entries")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) item;
                long index = number(e, "index").longValueExact();
                if (index != expected) {
                    problems.add("Entri " + expected + (index > expected + 1 ? " sampai " + (index - 1) : "")
                            + " hilang dari log");
                    expected = index;
                }
                byte[] data = string(e, "data").getBytes(StandardCharsets.UTF_8);
                byte[] leaf = MerkleProofs.leafHash(data);
                if (!Arrays.equals(leaf, HEX.parseHex(string(e, "leafHash")))) {
                    problems.add("Entri " + index + ": leaf hash yang dilayani bukan hash isinya");
                }
                tree.add(leaf);
                replay.accept(Json.object(string(e, "data")), replayProblems);
                expected++;
            }
        }
        if (expected < size) {
            problems.add("Entri " + expected + " sampai " + (size - 1) + " hilang dari log");
        }
        byte[] root = tree.root();
        if (!Arrays.equals(root, HEX.parseHex(rootHex))) {
            problems.add("Root yang dihitung ulang dari " + tree.count() + " entri (" + HEX.formatHex(root)
                    + ") bukan root yang ditandatangani" + (resume ? " (dari tree head yang diingat + "
                    + (tree.count() - from) + " entri baru)" : ""));
        } else if (resume) {
            out.println("(c) " + (tree.count() - from) + " entri baru diunduh; root dari tree head yang diingat + "
                    + "entri baru sama dengan yang ditandatangani");
        } else {
            out.println("(c) " + tree.count() + " entri diunduh, root dihitung ulang sama dengan yang ditandatangani");
        }
        if (!problems.isEmpty()) {
            return new Report(false, tree.count(), from, 0, 0, 0, problems);
        }

        // (d) replay and compare with what the public sees (when resuming: what the new entries touch)
        replay.finish(replayProblems);
        problems.addAll(replayProblems);
        compareTps(replay, problems);
        if (!resume) {
            compareTotals(replay, problems);
        }
        int dhasil = compareDHasil(replay, problems);
        if (resume) {
            out.println("(d) entri baru diputar ulang: " + replay.results.size() + " hasil di "
                    + replay.tpsCodes().size() + " TPS, " + dhasil + " D.Hasil; dibandingkan dengan API publik (total "
                    + "wilayah perlu semua entri: --full)");
        } else {
            out.println("(d) diputar ulang: " + replay.results.size() + " hasil di " + replay.tpsCodes().size()
                    + " TPS, " + replay.totals.size() + " total wilayah, " + dhasil
                    + " D.Hasil; dibandingkan dengan API publik");
        }
        boolean consistent = problems.isEmpty();
        if (consistent) {
            writeState(new State(options.url(), size, rootHex, publicKey, tree.frontier()));
        }
        return new Report(consistent, tree.count(), from, replay.tpsCodes().size(),
                resume ? 0 : replay.totals.size(), dhasil, problems);
    }

    /**
     * The verifier's work on entries as they are downloaded, without HTTP (for the benchmark): leaf hashes, the
     * root, the replay to results and region totals. {@link #finish()} returns {entries, results, region totals,
     * problems}.
     */
    public static final class Offline {
        private final MerkleProofs.RootBuilder tree = new MerkleProofs.RootBuilder();
        private final Replay replay = new Replay();
        private final List<String> problems = new ArrayList<>();

        public void accept(String data) {
            tree.add(MerkleProofs.leafHash(data.getBytes(StandardCharsets.UTF_8)));
            replay.accept(Json.object(data), problems);
        }

        public long[] finish() {
            tree.root();
            replay.finish(problems);
            return new long[] {tree.count(), replay.results.size(), replay.totals.size(), problems.size()};
        }
    }

    // ---- replay -------------------------------------------------------------------------------------------------

    /** The numbers the log says: each TPS result at its highest version, and the totals of every region above it. */
    static final class Replay {
        /** Only the entries after a remembered head: a TPS's versions need not start at 1. */
        private final boolean partial;
        final Map<String, Result> results = new java.util.HashMap<>();
        private final Map<List<String>, String[]> keyLists = new java.util.HashMap<>();
        final Map<String, Totals> totals = new TreeMap<>();
        final Map<String, Map<String, Object>> dhasil = new TreeMap<>();

        private final Map<String, TreeSet<Long>> versions = new TreeMap<>();

        Replay() {
            this(false);
        }

        Replay(boolean partial) {
            this.partial = partial;
        }

        /** Takes one entry (in log order); keeps only what the comparison needs, not the entry. */
        void accept(Map<String, Object> e, List<String> problems) {
            String kind = String.valueOf(e.get("kind"));
            if (kind.equals("result")) {
                String key = e.get("tps") + " " + e.get("ballot");
                long version = ((BigDecimal) e.get("version")).longValueExact();
                if (!versions.computeIfAbsent(key, k -> new TreeSet<>()).add(version)) {
                    problems.add("BEDA TPS " + key + ": versi " + version + " tercatat dua kali di log");
                }
                Result current = results.get(key);
                if (current == null || current.version() < version) {
                    results.put(key, compact(e, version));
                }
            } else if (kind.equals("session") && "finalize".equals(e.get("action"))) {
                dhasil.put(e.get("ballot") + " " + e.get("region") + " " + e.get("dhasilVersion"), e);
            }
        }

        /** Checks that every TPS's versions run 1..n without a gap, then adds the results up per region. */
        void finish(List<String> problems) {
            versions.forEach((key, seen) -> {
                for (long v = partial ? seen.first() : 1; v <= seen.last(); v++) {
                    if (!seen.contains(v)) {
                        problems.add("BEDA TPS " + key + ": versi " + v + " tidak ada di log");
                    }
                }
            });
            versions.clear();
            results.forEach((key, r) -> {
                String ballot = key.substring(key.indexOf(' ') + 1);
                for (String region : regionsOf(r.desa())) {
                    totals.computeIfAbsent(ballot + " " + region, k -> new Totals()).add(r);
                }
            });
        }

        /** What the comparison needs of a result, small enough for a national replay in memory. */
        private Result compact(Map<String, Object> e, long version) {
            Map<?, ?> values = e.get("values") instanceof Map<?, ?> m ? m : Map.of();
            List<String> keys = new ArrayList<>();
            long[] numbers = new long[values.size()];
            int i = 0;
            for (Map.Entry<?, ?> kv : values.entrySet()) {
                keys.add((String) kv.getKey());
                numbers[i++] = kv.getValue() == null ? Long.MIN_VALUE : ((BigDecimal) kv.getValue()).longValueExact();
            }
            String[] shared = keyLists.computeIfAbsent(keys, k -> k.toArray(new String[0]));
            return new Result(version, ((String) e.get("status")).intern(), Boolean.TRUE.equals(e.get("counted")),
                    (String) e.get("desa"), shared, numbers);
        }

        TreeSet<String> tpsCodes() {
            TreeSet<String> codes = new TreeSet<>();
            results.keySet().forEach(k -> codes.add(k.substring(0, k.indexOf(' '))));
            return codes;
        }
    }

    /** A replayed TPS result; a null number is kept as Long.MIN_VALUE. */
    record Result(long version, String status, boolean counted, String desa, String[] keys, long[] numbers) {

        Map<String, Long> values() {
            Map<String, Long> out = new TreeMap<>();
            for (int i = 0; i < keys.length; i++) {
                if (numbers[i] != Long.MIN_VALUE) {
                    out.put(keys[i], numbers[i]);
                }
            }
            return out;
        }
    }

    /** desa 31.71.01.1001 → itself, kecamatan 31.71.01, kab/kota 31.71, provinsi 31, nasional ID. */
    static List<String> regionsOf(String desa) {
        String[] parts = desa.split("\\.");
        List<String> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (String part : parts) {
            code.append(code.length() == 0 ? "" : ".").append(part);
            out.add(0, code.toString());
        }
        out.add("ID");
        return out;
    }

    static final class Totals {
        int countedTps;
        int flaggedTps;
        final Map<String, Long> counted = new TreeMap<>();
        final Map<String, Long> flagged = new TreeMap<>();

        void add(Result result) {
            if (result.counted()) {
                countedTps++;
            } else {
                flaggedTps++;
            }
            result.values().forEach((k, v) -> (result.counted() ? counted : flagged).merge(k, v, Long::sum));
        }
    }

    private void compareTps(Replay replay, List<String> problems) {
        Map<String, List<String>> ballotsOf = new TreeMap<>();
        replay.results.keySet().forEach(k -> ballotsOf.computeIfAbsent(k.substring(0, k.indexOf(' ')),
                t -> new ArrayList<>()).add(k.substring(k.indexOf(' ') + 1)));
        for (String tps : ballotsOf.keySet()) {
            Map<String, Object> page = getObject("/api/recap/public/tps/" + encode(tps));
            Map<String, Map<String, Object>> published = new LinkedHashMap<>();
            for (Object b : (List<?>) page.get("ballots")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ballot = (Map<String, Object>) b;
                published.put((String) ballot.get("ballotType"), ballot);
            }
            for (Map.Entry<String, Map<String, Object>> p : published.entrySet()) {
                String key = tps + " " + p.getKey();
                Result logged = replay.results.get(key);
                Map<String, Object> shown = p.getValue();
                if (logged == null && replay.partial) {
                    continue;
                }
                if (logged == null) {
                    problems.add("BEDA TPS " + key + ": halaman publik menampilkan hasil yang tidak ada di log");
                    continue;
                }
                long shownVersion = number(shown, "resultVersion").longValueExact();
                long loggedVersion = logged.version();
                if (shownVersion != loggedVersion || !Objects.equals(shown.get("status"), logged.status())) {
                    problems.add("BEDA TPS " + key + ": publik versi " + shownVersion + " " + shown.get("status")
                            + ", log versi " + loggedVersion + " " + logged.status());
                }
                Map<String, Long> shownValues = new TreeMap<>();
                for (Object v : (List<?>) shown.get("values")) {
                    Map<?, ?> kv = (Map<?, ?>) v;
                    if (kv.get("value") != null) {
                        shownValues.put((String) kv.get("key"), ((BigDecimal) kv.get("value")).longValueExact());
                    }
                }
                Map<String, Long> loggedValues = logged.values();
                if (!shownValues.equals(loggedValues)) {
                    problems.add("BEDA TPS " + key + ": angka publik " + differences(loggedValues, shownValues));
                }
            }
            for (String ballot : ballotsOf.get(tps)) {
                if (!published.containsKey(ballot)) {
                    problems.add("BEDA TPS " + tps + " " + ballot + ": hasil ada di log tetapi tidak di halaman publik");
                }
            }
        }
    }

    private void compareTotals(Replay replay, List<String> problems) {
        replay.totals.forEach((key, expected) -> {
            String[] parts = key.split(" ");
            Map<String, Object> shown = getObject("/api/recap/public/totals?region=" + encode(parts[1])
                    + "&ballotType=" + encode(parts[0]));
            Map<?, ?> counted = (Map<?, ?>) shown.get("counted");
            Map<?, ?> flagged = (Map<?, ?>) shown.get("flagged");
            int countedTps = ((BigDecimal) counted.get("tps")).intValueExact();
            int flaggedTps = ((BigDecimal) flagged.get("tps")).intValueExact();
            if (countedTps != expected.countedTps || flaggedTps != expected.flaggedTps) {
                problems.add("BEDA total " + key + ": publik " + countedTps + " TPS dihitung / " + flaggedTps
                        + " ditandai, log " + expected.countedTps + " / " + expected.flaggedTps);
            }
            Map<String, Long> countedShown = keyValues(counted.get("values"));
            if (!withoutZeros(countedShown).equals(withoutZeros(expected.counted))) {
                problems.add("BEDA total " + key + ": suara dihitung " + differences(expected.counted, countedShown));
            }
            Map<String, Long> flaggedShown = keyValues(flagged.get("values"));
            if (!withoutZeros(flaggedShown).equals(withoutZeros(expected.flagged))) {
                problems.add("BEDA total " + key + ": suara ditandai " + differences(expected.flagged, flaggedShown));
            }
        });
    }

    private int compareDHasil(Replay replay, List<String> problems) {
        replay.dhasil.forEach((key, entry) -> {
            String[] parts = key.split(" ");
            Map<String, Object> doc = getObject("/api/recap/public/dhasil/" + encode(parts[0]) + "/"
                    + encode(parts[1]) + "/versions/" + parts[2]);
            if (!Objects.equals(doc.get("sha256"), entry.get("dhasilSha256"))) {
                problems.add("BEDA D.Hasil " + key + ": SHA-256 dokumen " + doc.get("sha256") + ", di log "
                        + entry.get("dhasilSha256"));
            }
            Map<String, Long> logged = longs(entry.get("totals"));
            Map<String, Long> shown = keyValues(doc.get("totals"));
            if (!withoutZeros(logged).equals(withoutZeros(shown))) {
                problems.add("BEDA D.Hasil " + key + ": jumlah " + differences(logged, shown));
            }
        });
        return replay.dhasil.size();
    }

    private static Map<String, Long> longs(Object map) {
        Map<String, Long> out = new TreeMap<>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put((String) k, ((BigDecimal) v).longValueExact());
                }
            });
        }
        return out;
    }

    private static Map<String, Long> keyValues(Object list) {
        Map<String, Long> out = new TreeMap<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                Map<?, ?> kv = (Map<?, ?>) item;
                if (kv.get("value") != null) {
                    out.merge((String) kv.get("key"), ((BigDecimal) kv.get("value")).longValueExact(), Long::sum);
                }
            }
        }
        return out;
    }

    private static Map<String, Long> withoutZeros(Map<String, Long> map) {
        Map<String, Long> out = new TreeMap<>(map);
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static String differences(Map<String, Long> logged, Map<String, Long> shown) {
        TreeSet<String> keys = new TreeSet<>(logged.keySet());
        keys.addAll(shown.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            long a = logged.getOrDefault(k, 0L);
            long b = shown.getOrDefault(k, 0L);
            if (a != b) {
                out.add(k + " publik " + b + " ≠ log " + a);
            }
        }
        return String.join(", ", out);
    }

    // ---- state, HTTP, helpers -----------------------------------------------------------------------------------

    /** What a run remembers (the {@code --state} file): the verified head, its key and the tree's complete subtrees. */
    record State(String url, long treeSize, String rootHash, String publicKey, List<byte[]> frontier) {
    }

    /** The remembered head for this URL, or null (no file, another URL, or a file that cannot be read). */
    private State readState() {
        if (options.state() == null || !Files.exists(options.state())) {
            return null;
        }
        try {
            Map<String, Object> state = Json.object(Files.readString(options.state()));
            if (!options.url().equals(state.get("url"))) {
                out.println("Berkas status " + options.state() + " untuk alamat lain (" + state.get("url")
                        + "); diabaikan");
                return null;
            }
            List<byte[]> frontier = state.get("frontier") instanceof List<?> hashes
                    ? hashes.stream().map(h -> HEX.parseHex((String) h)).toList() : null;
            return new State(options.url(), ((BigDecimal) state.get("treeSize")).longValueExact(),
                    (String) state.get("rootHash"), (String) state.get("publicKey"), frontier);
        } catch (IOException | RuntimeException e) {
            out.println("Berkas status " + options.state() + " tidak terbaca (" + e.getMessage() + "); diabaikan");
            return null;
        }
    }

    /** Replaces the state file in one move (a crash leaves the old or the new one, never half of one). */
    private void writeState(State verified) {
        if (options.state() == null) {
            return;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("url", verified.url());
        state.put("treeSize", verified.treeSize());
        state.put("rootHash", verified.rootHash());
        state.put("publicKey", verified.publicKey());
        state.put("frontier", verified.frontier().stream().map(HEX::formatHex).toList());
        state.put("verifiedAt", java.time.Instant.now().toString());
        try {
            Path absolute = options.state().toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(temp, Json.write(state) + "\n");
            Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            out.println("Tree head tidak dapat disimpan ke " + options.state() + ": " + e.getMessage());
        }
    }

    private static boolean signatureValid(String publicKeyBase64, byte[] signed, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<byte[]> hashes(Map<String, Object> proof) {
        return ((List<?>) proof.get("path")).stream().map(h -> HEX.parseHex((String) h)).toList();
    }

    private Map<String, Object> getObject(String path) {
        return Json.object(get(path));
    }

    /** GET with the gateway's rate limit in mind: a 429 waits and tries again. */
    private String get(String path) {
        URI uri = URI.create(options.url() + path);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 60) {
                    sleep(1000);
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + uri + " → " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException("GET " + uri + " gagal: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static BigDecimal number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof BigDecimal number)) {
            throw new IllegalStateException("field " + key + " missing or not a number");
        }
        return number;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof String s)) {
            throw new IllegalStateException("field " + key + " missing or not text");
        }
        return s;
    }

    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(MerkleProofs.sha256().digest(bytes));
    }

    static MessageDigest digest() {
        return MerkleProofs.sha256();
    }
}
