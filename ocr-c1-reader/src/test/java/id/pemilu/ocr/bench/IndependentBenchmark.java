package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.FieldReading;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.FormReading;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark per kind of photo, on either generator: {@code --generator independent} ({@link IndependentForms}, which
 * no training or tuning ever saw) or {@code --generator own} (the own synthesiser, {@code --writing TRAINING|VARIED}).
 * Digits: MNIST training images 50,000..59,999 (held out). Sets are given as {@code KIND:FORMS[:OFFICER]}, OFFICER one
 * of CAREFUL (default), MIS_ADDED (one sum written wrong: the expected reading is what is written, flagged) and
 * CROSSED_OUT (one digit struck out and rewritten: the field must be flagged). Run from the repository root:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.IndependentBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--generator independent --seed 9000000 \
 *     --sets MIXED:100,CLEAN:20,BLUR:20,MIXED:30:MIS_ADDED,MIXED:30:CROSSED_OUT"
 * </pre>
 * Prints per set: digits right, forms exact, forms with no human fix, silent errors (an unflagged field whose value
 * is not what is written; on crossed-out forms also the struck field unflagged), forms flagged as a whole, CPU per form.
 */
public final class IndependentBenchmark {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private IndependentBenchmark() {
    }

    record Sample(FormTemplate template, Map<String, Integer> truth, byte[] jpeg, String marked) {
    }

    /** With {@code --cache FILE}: each photo analysed (not decided) and kept for {@link RuleGrid}; measurement only. */
    static java.nio.file.Path cache;
    private static final List<NeverSilentTuning.Form> CACHED = new ArrayList<>();
    private static final List<NeverSilentTuning.Signs> CACHED_SIGNS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        String generator = "independent";
        long seed = 9_000_000;
        String sets = "MIXED:100";
        Writing writing = Writing.TRAINING;
        int threads = 1;
        java.nio.file.Path save = null;
        java.nio.file.Path photos = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--generator" -> generator = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--sets" -> sets = args[i + 1];
                case "--writing" -> writing = Writing.named(args[i + 1]);
                case "--synth-threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--save" -> save = java.nio.file.Path.of(args[i + 1]);
                case "--photos" -> photos = java.nio.file.Path.of(args[i + 1]);
                // sixteenth round: keep what was read of each form for NeverSilentTuning --from (no tally, no CPU)
                case "--cache" -> cache = java.nio.file.Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Tally> tallies = run(generator, seed, sets, writing, threads, save, true, photos);
        if (cache != null) {
            RuleGrid.save(cache, FormTemplates.load(), CACHED, CACHED_SIGNS);
            System.out.printf("%d forms kept in %s%n", CACHED.size(), cache);
            return;
        }
        System.out.println();
        System.out.println(Tally.HEADER);
        tallies.forEach(t -> System.out.println(t.line()));
    }

    /**
     * Reads every set and returns its tally; {@code verbose} prints each set's line as it ends and every silent
     * error and refused photo.
     */
    static List<Tally> run(String generator, long seed, String sets, Writing writing, int threads,
                           java.nio.file.Path save, boolean verbose) throws Exception {
        return run(generator, seed, sets, writing, threads, save, verbose, null);
    }

    /**
     * As above; with {@code photos} a directory where every photo and its truth are kept after they are made once, so
     * that two readers (before and after a change) read the very same photos without synthesising them twice.
     */
    static List<Tally> run(String generator, long seed, String sets, Writing writing, int threads,
                           java.nio.file.Path save, boolean verbose, java.nio.file.Path photos) throws Exception {
        FormTemplates templates = FormTemplates.load();
        IndependentForms independent = "independent".equals(generator) ? new IndependentForms() : null;
        FormSynthesizer own = independent == null ? new FormSynthesizer(HandwrittenDigits.heldOut()) : null;
        List<Tally> summary = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            long setSeed = seed;
            for (String set : sets.split(",")) {
                String[] parts = set.split(":");
                String kind = parts[0];
                int forms = Integer.parseInt(parts[1]);
                String officer = parts.length > 2 ? parts[2] : "CAREFUL";
                Tally tally = new Tally(generator + " " + kind + (officer.equals("CAREFUL") ? "" : " " + officer));
                tally.verbose = verbose;
                List<Future<Sample>> pending = new ArrayList<>();
                int submitted = 0;
                for (int i = 0; i < forms; i++) {
                    // a bounded window of photos in flight keeps the memory small on 1,000-form sets
                    while (submitted < forms && submitted < i + 2 * threads + 1) {
                        FormTemplate template = templates.all().get(submitted % templates.all().size());
                        long formSeed = setSeed + submitted;
                        String tps = String.format("31.71.02.2002.%03d", 1 + submitted % 50);
                        final Writing w = writing;
                        java.nio.file.Path kept = photos == null ? null : photos.resolve(generator + "-"
                                + (independent == null ? Integer.toHexString(w.hashCode()) + "-" : "") + kind + "-"
                                + officer + "-" + formSeed);
                        pending.add(pool.submit(() -> {
                            if (kept != null && java.nio.file.Files.exists(kept.resolveSibling(kept.getFileName()
                                    + ".truth"))) {
                                return load(template, kept);
                            }
                            Sample made = make(independent, own, template, tps, formSeed, kind, officer, w);
                            if (kept != null) {
                                keep(made, kept);
                            }
                            return made;
                        }));
                        submitted++;
                    }
                    Sample sample = pending.get(i).get();
                    pending.set(i, null);
                    if (save != null && i < 3) {
                        java.nio.file.Files.createDirectories(save);
                        java.nio.file.Files.write(save.resolve(generator + "-" + set.replace(':', '-') + "-" + i
                                + ".jpg"), sample.jpeg());
                    }
                    if (cache != null) {
                        try {
                            FormReader.Analysis analysis = reader.analyse(
                                    id.pemilu.ocr.reading.PhotoDecoder.decode(sample.jpeg()));
                            CACHED.add(new NeverSilentTuning.Form(sample.template(), sample.truth(), sample.marked(),
                                    id.pemilu.ocr.synth.FormSynthesizer.Officer.valueOf(officer),
                                    analysis.evidence(), null, setSeed + "/" + i));
                            CACHED_SIGNS.add(NeverSilentTuning.signs(analysis, classifier));
                        } catch (id.pemilu.ocr.reading.UnreadablePhoto e) {
                            System.out.printf("  refused: %s seed %d: %s%n", sample.template().ballotType(),
                                    setSeed + i, e.getMessage());
                        }
                        if ((i + 1) % 20 == 0) {
                            System.out.printf("  %s: %d forms analysed%n", set, i + 1);
                        }
                        continue;
                    }
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    FormReading reading = reader.readNow(sample.jpeg());
                    tally.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
                    tally.add(sample, reading, officer, setSeed + i);
                    if (verbose && (i + 1) % 100 == 0 && i + 1 < forms) {
                        System.out.println(tally.line() + "   (" + (i + 1) + " of " + forms + ")");
                    }
                }
                if (verbose) {
                    System.out.println(Tally.HEADER);
                    System.out.println(tally.line());
                    tally.reasons.forEach((r, n) -> System.out.printf("  %4d forms: %s%n", n, r));
                    System.out.printf("  flagged fields: %d wrong, %d right (%d of them at a posterior >= 1 - epsilon)%n",
                            tally.flaggedWrong, tally.flaggedRight, tally.flaggedSure);
                    tally.suggestions.print();
                    System.out.flush();
                }
                summary.add(tally);
                setSeed += 100_000;
            }
        } finally {
            pool.shutdownNow();
        }
        return summary;
    }

    private static Sample make(IndependentForms independent, FormSynthesizer own, FormTemplate template, String tps,
                               long formSeed, String kind, String officer, Writing w) {
        if (independent != null) {
            IndependentForms.Form f = independent.make(template, tps, formSeed,
                    IndependentForms.Kind.valueOf(kind), IndependentForms.Officer.valueOf(officer));
            return new Sample(template, f.truth(), f.jpeg(), f.marked());
        }
        FormSynthesizer.Synthesized s = own.synthesize(template, tps, formSeed,
                PhotoSimulator.Distortion.valueOf(kind), r -> VoteGenerator.generate(template, r), w,
                FormSynthesizer.Officer.valueOf(officer));
        return new Sample(template, s.truth(), s.jpeg(), s.marked());
    }

    private static void keep(Sample sample, java.nio.file.Path file) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.write(file.resolveSibling(file.getFileName() + ".jpg"), sample.jpeg());
        StringBuilder truth = new StringBuilder(sample.marked() == null ? "" : "#marked=" + sample.marked() + "\n");
        sample.truth().forEach((k, v) -> truth.append(k).append('=').append(v).append('\n'));
        java.nio.file.Files.writeString(file.resolveSibling(file.getFileName() + ".truth"), truth);
    }

    private static Sample load(FormTemplate template, java.nio.file.Path file) throws java.io.IOException {
        Map<String, Integer> truth = new java.util.LinkedHashMap<>();
        String marked = null;
        for (String line : java.nio.file.Files.readAllLines(file.resolveSibling(file.getFileName() + ".truth"))) {
            if (line.startsWith("#marked=")) {
                marked = line.substring(8);
            } else if (!line.isBlank()) {
                truth.put(line.substring(0, line.indexOf('=')), Integer.parseInt(line.substring(line.indexOf('=') + 1)));
            }
        }
        return new Sample(template, truth, java.nio.file.Files.readAllBytes(file.resolveSibling(file.getFileName()
                + ".jpg")), marked);
    }

    static final class Tally {
        static final String HEADER = String.format("%-40s %6s %8s %8s %8s %7s %8s %7s %7s", "set", "forms", "digits",
                "exact", "no-fix", "silent", "flagged", "unread", "ms-cpu");
        final String name;
        boolean verbose = true;
        long forms, digits, digitsRight, exact, noFix, silent, flaggedForms, unreadable, cpuNanos;
        /** Why the forms needed a person: the reading's reason (counts in it replaced by N), forms per reason. */
        final Map<String, Integer> reasons = new java.util.TreeMap<>();
        long flaggedWrong, flaggedRight, flaggedSure;
        /** Seventeenth round: the suggestions of forms read as written, against the truth. */
        final SuggestionTally suggestions;

        Tally(String name) {
            this.name = name;
            this.suggestions = new SuggestionTally(name);
        }

        void add(Sample sample, FormReading reading, String officer, long seed) {
            forms++;
            Map<String, Integer> truth = sample.truth();
            reasons.merge(reading.reason() == null ? "(no flag)" : reading.reason().replaceAll("[0-9]+", "N"), 1,
                    Integer::sum);
            if (!FormReading.READ.equals(reading.outcome())) {
                unreadable++;
                for (FormTemplate.Field field : sample.template().fields()) {
                    digits += String.valueOf(truth.get(field.key())).length();
                }
                if (verbose) {
                    System.out.printf("  unreadable: %s seed %d: %s%n", sample.template().ballotType(), seed,
                            reading.reason());
                }
                return;
            }
            boolean allRight = true;
            boolean anyFlag = false;
            for (FieldReading field : reading.fields()) {
                Integer expected = truth.get(field.key());
                String want = String.valueOf(expected);
                String got = field.value() == null ? "" : String.valueOf(field.value());
                for (int d = 0; d < want.length(); d++) {
                    digits++;
                    int at = got.length() - want.length() + d;
                    if (at >= 0 && got.charAt(at) == want.charAt(d)) {
                        digitsRight++;
                    }
                }
                boolean right = expected.equals(field.value());
                allRight &= right;
                anyFlag |= field.needsReview();
                if (field.needsReview()) {
                    flaggedWrong += right ? 0 : 1;
                    flaggedRight += right ? 1 : 0;
                    flaggedSure += right && field.confidence() >= 1 - FormReader.REVIEW_EPSILON ? 1 : 0;
                }
                boolean struck = "CROSSED_OUT".equals(officer) && field.key().equals(sample.marked());
                if (!field.needsReview() && (!right || struck)) {
                    silent++;
                    System.out.printf("  silent: %s seed %d %s written %s read %s confidence %.6f classifier %s "
                                    + "(%.6f)%s%n", sample.template().ballotType(), seed, field.key(), expected,
                            field.value(), field.confidence(), field.classifierValue(), field.classifierConfidence(),
                            struck ? " [struck out and rewritten]" : "");
                }
            }
            suggestions.add(truth, reading.fields(), "MIS_ADDED".equals(officer) ? 1
                    : "CROSSED_OUT".equals(officer) ? 2 : 0);
            exact += allRight ? 1 : 0;
            noFix += allRight && !anyFlag ? 1 : 0;
            flaggedForms += anyFlag ? 1 : 0;
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "%-40s %6d %7.2f%% %7.2f%% %7.2f%% %7d %7.2f%% %7d %7.0f",
                    name, forms, pct(digitsRight, digits), pct(exact, forms), pct(noFix, forms), silent,
                    pct(flaggedForms, forms), unreadable, cpuNanos / 1e6 / Math.max(1, forms));
        }

        private static double pct(long part, long whole) {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }
    }
}
