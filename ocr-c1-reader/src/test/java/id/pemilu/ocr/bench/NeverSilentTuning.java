package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.digit.DigitTrainer;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.digit.OutOfDistribution;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.ArithmeticSolver;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.FieldEvidence;
import id.pemilu.ocr.reading.FieldReading;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.FormSynthesizer.Officer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the never-silent rules (the correction odds, the out-of-distribution flag, epsilon) on validation forms
 * <em>unlike</em> the training data: the own synthesiser with {@link Writing#VARIED} writing (sizes, pens, slant,
 * placement the networks never saw), MNIST validation digits 48,000..49,999, a share of mis-added and crossed-out
 * forms. Never the independent generator's forms, never the benchmark's digits. Writes every classified box with its
 * features to {@code --boxes FILE} (CSV) to fit the out-of-distribution edges. {@code --why true} also prints, under
 * the committed rules, why the plain forms that need a fix need one ({@link #why}). {@code --cache FILE} keeps what was
 * read of each form; {@code --from A,B,...} reads such files instead of photos, and {@code --rules true} then tries a
 * wider grid of the decision rules on them ({@link RuleGrid}, thirteenth round). Run from the repository root:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.NeverSilentTuning \
 *     -Dexec.classpathScope=test -Dexec.args="--forms 140 --seed 8000000 --writing VARIED --boxes target/boxes.csv"
 * </pre>
 */
public final class NeverSilentTuning {

    private NeverSilentTuning() {
    }

    /** A read form; {@code analysis} is null when it comes from a cache ({@code --from}). */
    record Form(FormTemplate template, Map<String, Integer> truth, String marked, Officer officer,
                List<FieldEvidence> evidence, FormReader.Analysis analysis, String source) {
    }

    public static void main(String[] args) throws Exception {
        int forms = 140;
        long seed = 8_000_000;
        Writing writing = Writing.VARIED;
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.ALL;
        double misAdded = 0.15;
        double crossed = 0.1;
        Path boxes = null;
        boolean why = false;
        Path cache = null;
        String from = null;
        boolean rules = false;
        String settings = null;
        java.util.Set<Integer> only = null;
        Officer onlyOfficer = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--writing" -> writing = "TRAINING".equals(args[i + 1]) ? Writing.TRAINING : Writing.VARIED;
                case "--distortion" -> distortion = PhotoSimulator.Distortion.valueOf(args[i + 1]);
                case "--mis-added" -> misAdded = Double.parseDouble(args[i + 1]);
                case "--crossed-out" -> crossed = Double.parseDouble(args[i + 1]);
                case "--boxes" -> boxes = Path.of(args[i + 1]);
                case "--why" -> why = Boolean.parseBoolean(args[i + 1]);
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--from" -> from = args[i + 1];
                case "--rules" -> rules = Boolean.parseBoolean(args[i + 1]);
                // sixteenth round: "prior,eps,odds,strange,edge,top,floor,orEdge;..." scored on the loaded forms
                case "--setting" -> settings = args[i + 1];
                case "--officer" -> onlyOfficer = Officer.valueOf(args[i + 1]);
                case "--only" -> {
                    // read only these forms of the seed (fourteenth round: the known silent forms, read again)
                    only = new java.util.HashSet<>();
                    for (String n : args[i + 1].split(",")) {
                        only.add(Integer.parseInt(n.trim()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FormTemplates templates = FormTemplates.load();
        if (from != null) {
            List<Form> read = new ArrayList<>();
            List<Signs> signs = new ArrayList<>();
            for (String file : from.split(",")) {
                RuleGrid.load(Path.of(file), templates, read, signs);
            }
            System.out.printf("%d forms from %s%n", read.size(), from);
            if (rules) {
                RuleGrid.run(read, signs);
            }
            if (settings != null) {
                List<RuleGrid.Rules> list = new ArrayList<>();
                for (String one : settings.split(";")) {
                    list.add(RuleGrid.Rules.parse(one));
                }
                RuleGrid.evaluate(read, signs, list);
            }
            if (why) {
                List<ArithmeticSolver.Solution> solutions = new ArrayList<>();
                for (Form form : read) {
                    solutions.add(ArithmeticSolver.solve(form.evidence(), form.template().rules()));
                }
                why(read, solutions, signs);
            }
            return;
        }
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        FormSynthesizer synthesizer = new FormSynthesizer(
                new HandwrittenDigits(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT));
        List<Form> read = new ArrayList<>();
        List<Signs> signs = new ArrayList<>();
        int refused = 0;
        long started = System.nanoTime();
        PrintWriter csv = boxes == null ? null : new PrintWriter(Files.newBufferedWriter(boxes));
        if (csv != null) {
            csv.println("form,officer,key,box,written,digit,struck,mass,trace,empty,energy,ink,top,topP,strange,line,coverage");
        }
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (int i = 0; i < forms; i++) {
                if (only != null && !only.contains(i)) {
                    continue;
                }
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.03.3003.%03d", 1 + i % 50);
                double draw = new java.util.SplittableRandom(seed + i).nextDouble();
                Officer officer = draw < misAdded ? Officer.MIS_ADDED
                        : draw < misAdded + crossed ? Officer.CROSSED_OUT : Officer.CAREFUL;
                if (onlyOfficer != null && officer != onlyOfficer) {
                    continue; // fourteenth round: only the crossed-out forms of a seed, read again
                }
                FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, seed + i, distortion,
                        random -> VoteGenerator.generate(template, random), writing, officer);
                try {
                    FormReader.Analysis analysis = reader.analyse(PhotoDecoder.decode(photo.jpeg()));
                    Form form = new Form(template, photo.truth(), photo.marked(), officer, analysis.evidence(),
                            analysis, seed + "/" + i);
                    // the analysis (its photo) is not kept: 150 forms of it do not fit in 2.5 GB
                    read.add(new Form(template, photo.truth(), photo.marked(), officer, analysis.evidence(), null,
                            form.source()));
                    if (why || cache != null) {
                        signs.add(signs(analysis, classifier));
                    }
                    if (csv != null) {
                        dump(csv, read.size() - 1, form, photo.leadingZeros(), classifier);
                    }
                } catch (UnreadablePhoto e) {
                    refused++;
                    System.out.printf("  refused: form %d seed %d: %s%n", i, seed + i, e.getMessage());
                }
                if ((i + 1) % 20 == 0) {
                    System.out.printf("  %d forms read (%.0f s)%n", i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        if (cache != null) {
            RuleGrid.save(cache, templates, read, signs);
        }
        System.out.printf("%d validation forms (%s writing, %s, MNIST 48,000-49,999), %d refused%n", forms,
                writing.equals(Writing.VARIED) ? "varied" : "training", distortion, refused);
        double[] odds = {3, 10, 20, 100, 1e4, Double.POSITIVE_INFINITY};
        double[] strange = {0.5, 1, 2, Double.POSITIVE_INFINITY};
        double[] epsilons = {1e-3, 1e-4};
        List<ArithmeticSolver.Solution> solutions = new ArrayList<>();
        for (Form form : read) {
            solutions.add(ArithmeticSolver.solve(form.evidence(), form.template().rules()));
        }
        System.out.printf("%8s %8s %8s | %7s %7s %7s | %8s %8s %8s%n", "odds", "strange", "eps", "silent",
                "misadd", "crossed", "no-fix%", "exact%", "asWrit%");
        for (double epsilon : epsilons) {
            for (double o : odds) {
                for (double s : strange) {
                    evaluate(read, solutions, epsilon, o, s, o == FormReader.CORRECTION_ODDS && s == OutOfDistribution.FLAG
                            && epsilon == FormReader.REVIEW_EPSILON);
                }
            }
        }
        if (why) {
            why(read, solutions, signs);
        }
    }

    /**
     * Per field of a read form, as {@link FormReader#analyse} sees its inked boxes: the highest strangeness without
     * the struck boost, and whether a box was taken as struck (the detector or {@link id.pemilu.ocr.digit.InkBlob}).
     */
    record Signs(double[] strangeness, boolean[] struck, double[] struckProbability) {
    }

    /** The boxes classified again in the reader's order (the same inputs give the same scores). */
    static Signs signs(FormReader.Analysis analysis, DigitClassifier classifier) {
        List<float[]> inputs = new ArrayList<>();
        List<float[][]> cut = new ArrayList<>();
        for (List<BoxSampler.BoxInk> inks : analysis.boxes()) {
            for (BoxSampler.BoxInk ink : inks) {
                if (ink.emptyProbability() < 1) {
                    float[] input = DigitNormalizer.normalize(ink.ink());
                    inputs.add(input == null ? new float[DigitNormalizer.SIDE * DigitNormalizer.SIDE] : input);
                    cut.add(ink.ink());
                }
            }
        }
        DigitClassifier.Scored scored = inputs.isEmpty() ? null : classifier.classifyScored(inputs, cut);
        int fields = analysis.boxes().size();
        double[] strangeness = new double[fields];
        boolean[] struck = new boolean[fields];
        double[] struckProbability = new double[fields];
        int next = 0;
        for (int f = 0; f < fields; f++) {
            strangeness[f] = Double.NEGATIVE_INFINITY;
            for (BoxSampler.BoxInk ink : analysis.boxes().get(f)) {
                if (ink.emptyProbability() < 1) {
                    if (ink.inked()) {
                        strangeness[f] = Math.max(strangeness[f], scored.strangeness()[next]);
                        struck[f] |= scored.isStruck(next)
                                || FormReader.doubtfulStrike(scored.struck()[next], scored.strangeness()[next]);
                        struckProbability[f] = Math.max(struckProbability[f],
                                scored.isStruck(next) ? 1 : scored.struck()[next]);
                    }
                    next++;
                }
            }
        }
        return new Signs(strangeness, struck, struckProbability);
    }

    static final String[] REASONS = {"a posterior < 1-eps", "b read as written", "c out of distribution",
        "d struck box", "e no value", "f poor photo (5+ flags)"};

    /** The kind of a field, by its key: voter table, ballot use, single votes, vote totals. */
    static String kind(String key) {
        if (key.startsWith("ballots.")) {
            return "ballots";
        }
        if (key.equals("votes.total") || key.equals("votes.valid") || key.equals("votes.invalid")) {
            return "votes totals";
        }
        if (key.startsWith("votes.")) {
            return "votes (candidates, parties)";
        }
        return "voters";
    }

    /**
     * Why the plain forms that need a fix need one, under the committed rules. A form read as written ((b): no
     * consistent reading, the "does not add up" hypothesis above epsilon, or a correction at odds of
     * {@link FormReader#CORRECTION_ODDS} or more) has every field flagged for that reason alone. Otherwise each flagged
     * field has one or more of: (a) its posterior below 1 - epsilon, (c) a box unlike the training boxes (strangeness
     * at {@link OutOfDistribution#FLAG} or more, or above 0 in a field the sums changed), (d) a box taken as struck,
     * (e) no value; a field with none of these was flagged only because 5 or more fields were (f). Per reason: the
     * forms having it, the forms having it alone and, of those, the ones read exactly (its flags alone cost them the
     * "no fix"); the fields flagged for it and how many of them are wrong.
     */
    static void why(List<Form> read, List<ArithmeticSolver.Solution> solutions, List<Signs> signs) {
        double epsilon = FormReader.REVIEW_EPSILON;
        int plain = 0, needFix = 0, exactFlagged = 0, silentWrong = 0, mismatch = 0;
        int inconsistent = 0, notAddingUp = 0, correction = 0, solutionRight = 0, lowTrust = 0;
        int[] formsAny = new int[REASONS.length], formsOnly = new int[REASONS.length];
        int[] formsOnlyExact = new int[REASONS.length];
        int[] fieldsFlagged = new int[REASONS.length], fieldsWrong = new int[REASONS.length];
        Map<String, int[]> perKind = new java.util.TreeMap<>();
        Map<String, int[]> perBallot = new java.util.TreeMap<>();
        System.out.printf("why the plain forms need a fix (odds %.0f, strange flag %.1f, eps %.0e):%n",
                FormReader.CORRECTION_ODDS, OutOfDistribution.FLAG, epsilon);
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            if (form.officer() != Officer.CAREFUL) {
                continue;
            }
            plain++;
            List<FieldEvidence> evidence = form.evidence();
            ArithmeticSolver.Solution solution = solutions.get(f);
            List<FieldReading> readings = FormReader.decideFields(evidence, solution);
            boolean allRight = true;
            boolean anyFlag = false;
            for (FieldReading field : readings) {
                allRight &= form.truth().get(field.key()).equals(field.value());
                anyFlag |= field.needsReview();
            }
            int[] ballot = perBallot.computeIfAbsent(form.template().ballotType().toString(), k -> new int[3]);
            ballot[0]++;
            if (allRight && !anyFlag) {
                continue;
            }
            needFix++;
            ballot[1]++;
            exactFlagged += allRight ? 1 : 0;
            if (!anyFlag) {
                silentWrong++;
                continue;
            }
            boolean[] reasons = new boolean[REASONS.length];
            StringBuilder line = new StringBuilder();
            if (FormReader.readAsWritten(evidence, solution, epsilon)) {
                reasons[1] = true;
                ballot[2]++;
                String sub;
                if (!solution.consistent()) {
                    inconsistent++;
                    sub = "no consistent reading";
                } else if (solution.inconsistentProbability() > epsilon) {
                    notAddingUp++;
                    sub = String.format("P(does not add up) %.2e", solution.inconsistentProbability());
                } else {
                    correction++;
                    sub = "correction at odds >= " + (long) FormReader.CORRECTION_ODDS;
                }
                boolean right = solution.consistent();
                for (int i = 0; right && i < evidence.size(); i++) {
                    right = form.truth().get(evidence.get(i).key()).equals(solution.values().get(i));
                }
                solutionRight += right ? 1 : 0;
                line.append(sub).append(right ? ", the best consistent reading right" : "");
                for (FieldReading field : readings) {
                    count(fieldsFlagged, fieldsWrong, perKind, 1, field, form);
                }
            } else {
                Signs sign = signs.get(f);
                for (int i = 0; i < evidence.size(); i++) {
                    FieldEvidence field = evidence.get(i);
                    FieldReading reading = readings.get(i);
                    if ((field.strangeness() >= OutOfDistribution.FLAG)
                            != (sign.strangeness()[i] >= OutOfDistribution.FLAG || sign.struck()[i])) {
                        mismatch++;
                    }
                    if (!reading.needsReview()) {
                        continue;
                    }
                    boolean corrected = !java.util.Objects.equals(reading.value(), field.best().value());
                    boolean[] own = new boolean[REASONS.length];
                    own[4] = reading.value() == null;
                    own[0] = solution.confidences().get(i) < 1 - epsilon;
                    lowTrust += own[0] && sign.strangeness()[i] > 0 ? 1 : 0;
                    own[2] = sign.strangeness()[i] >= OutOfDistribution.FLAG
                            || corrected && sign.strangeness()[i] > FormReader.CHANGED_EDGE;
                    own[3] = sign.struck()[i];
                    own[5] = !own[0] && !own[2] && !own[3] && !own[4];
                    StringBuilder codes = new StringBuilder();
                    for (int r = 0; r < REASONS.length; r++) {
                        if (own[r]) {
                            reasons[r] = true;
                            codes.append(REASONS[r].charAt(0));
                            count(fieldsFlagged, fieldsWrong, perKind, r, reading, form);
                        }
                    }
                    if (!own[5]) {
                        line.append(String.format(" %s=%s(%s%s)", reading.key(), reading.value(), codes,
                                form.truth().get(reading.key()).equals(reading.value()) ? ""
                                        : ", written " + form.truth().get(reading.key())));
                    }
                }
            }
            int count = 0;
            for (int r = 0; r < REASONS.length; r++) {
                if (reasons[r]) {
                    formsAny[r]++;
                    count++;
                }
            }
            for (int r = 0; count == 1 && r < REASONS.length; r++) {
                if (reasons[r]) {
                    formsOnly[r]++;
                    formsOnlyExact[r] += allRight ? 1 : 0;
                }
            }
            System.out.printf("  form %d %s%s:%s%n", f, form.template().ballotType(), allRight ? " (exact)" : "",
                    line);
        }
        System.out.printf("%d plain forms, %d need a fix (%d of them read exactly, only flagged), %d wrong without a"
                + " flag; reader and this tally disagree on %d fields%n", plain, needFix, exactFlagged, silentWrong,
                mismatch);
        System.out.printf("  read as written: %d (no consistent reading %d, P(does not add up) > eps %d, correction"
                + " odds %d; the best consistent reading right on %d)%n", formsAny[1], inconsistent, notAddingUp,
                correction, solutionRight);
        System.out.printf("%-26s | %6s %6s %10s | %8s %8s%n", "reason", "forms", "alone", "alone+exact",
                "fields", "wrong");
        for (int r = 0; r < REASONS.length; r++) {
            System.out.printf("%-26s | %6d %6d %10d | %8d %8d%n", REASONS[r], formsAny[r], formsOnly[r],
                    formsOnlyExact[r], fieldsFlagged[r], fieldsWrong[r]);
        }
        System.out.printf("  (a) fields with a box of strangeness above 0 (trust lowered): %d%n", lowTrust);
        System.out.printf("fields flagged per kind and reason (flagged/wrong):%n%-28s", "kind");
        for (String reason : REASONS) {
            System.out.printf(" | %9s", reason.substring(0, 1));
        }
        System.out.println();
        for (Map.Entry<String, int[]> kind : perKind.entrySet()) {
            System.out.printf("%-28s", kind.getKey());
            for (int r = 0; r < REASONS.length; r++) {
                System.out.printf(" | %9s", kind.getValue()[2 * r] + "/" + kind.getValue()[2 * r + 1]);
            }
            System.out.println();
        }
        System.out.println("per ballot: plain forms, need a fix, read as written");
        perBallot.forEach((ballot, n) -> System.out.printf("  %-18s %4d %4d %4d%n", ballot, n[0], n[1], n[2]));
    }

    private static void count(int[] flagged, int[] wrong, Map<String, int[]> perKind, int reason, FieldReading field,
                              Form form) {
        boolean isWrong = !form.truth().get(field.key()).equals(field.value());
        flagged[reason]++;
        wrong[reason] += isWrong ? 1 : 0;
        int[] kind = perKind.computeIfAbsent(kind(field.key()), k -> new int[2 * REASONS.length]);
        kind[2 * reason]++;
        kind[2 * reason + 1] += isWrong ? 1 : 0;
    }

    static void evaluate(List<Form> read, List<ArithmeticSolver.Solution> solutions, double epsilon, double odds,
                         double strange, boolean print) {
        long silentCareful = 0, silentMisAdded = 0, silentCrossed = 0, careful = 0, noFix = 0, exact = 0, asWritten = 0;
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            ArithmeticSolver.Solution solution = solutions.get(f);
            List<FieldReading> readings = FormReader.decideFields(form.evidence(), solution, epsilon,
                    odds, strange);
            boolean allRight = true;
            boolean anyFlag = false;
            boolean allFlagged = true;
            for (FieldReading field : readings) {
                boolean right = form.truth().get(field.key()).equals(field.value());
                boolean silent = !field.needsReview() && (!right
                        || form.officer() == Officer.CROSSED_OUT && field.key().equals(form.marked()));
                allRight &= right;
                anyFlag |= field.needsReview();
                allFlagged &= field.needsReview();
                if (silent) {
                    switch (form.officer()) {
                        case CAREFUL -> silentCareful++;
                        case MIS_ADDED -> silentMisAdded++;
                        case CROSSED_OUT -> silentCrossed++;
                    }
                    if (print) {
                        System.out.printf("  silent (%s): form %d %s %s written %s read %s confidence %.6f "
                                        + "classifier %s (%.6f)%n", form.officer(), f, form.template().ballotType(),
                                field.key(), form.truth().get(field.key()), field.value(), field.confidence(),
                                field.classifierValue(), field.classifierConfidence());
                    }
                }
            }
            if (form.officer() == Officer.CAREFUL) {
                careful++;
                noFix += allRight && !anyFlag ? 1 : 0;
                exact += allRight ? 1 : 0;
                asWritten += allFlagged ? 1 : 0;
            }
        }
        System.out.printf("%8.0e %8.1f %8.0e | %7d %7d %7d | %7.2f%% %7.2f%% %7.2f%%%n", odds, strange, epsilon,
                silentCareful, silentMisAdded, silentCrossed, 100.0 * noFix / careful, 100.0 * exact / careful,
                100.0 * asWritten / careful);
    }

    private static void dump(PrintWriter csv, int index, Form form, boolean leadingZeros, DigitClassifier classifier) {
        List<FormTemplate.Field> fields = form.template().fields();
        for (int f = 0; f < fields.size(); f++) {
            String text = String.valueOf(form.truth().get(fields.get(f).key()));
            List<BoxSampler.BoxInk> inks = form.analysis().boxes().get(f);
            if (leadingZeros) {
                text = "0".repeat(Math.max(0, inks.size() - text.length())) + text;
            }
            for (int b = 0; b < inks.size(); b++) {
                BoxSampler.BoxInk ink = inks.get(b);
                int at = b - (inks.size() - text.length());
                boolean written = at >= 0;
                int digit = written ? text.charAt(at) - '0' : -1;
                double energy = Double.NaN, inkSum = Double.NaN, topP = Double.NaN, strangeness = Double.NaN;
                int top = -1;
                if (ink.emptyProbability() < 1) {
                    float[] input = DigitNormalizer.normalize(ink.ink());
                    if (input == null) {
                        input = new float[DigitNormalizer.SIDE * DigitNormalizer.SIDE];
                    }
                    DigitClassifier.Scored scored = classifier.classifyScored(List.of(input));
                    float[] logits = classifier.logits(List.of(input))[0];
                    energy = OutOfDistribution.energy(logits);
                    inkSum = OutOfDistribution.ink(input);
                    strangeness = scored.strangeness()[0];
                    float[] p = scored.probabilities()[0];
                    top = id.pemilu.ocr.digit.Calibration.argMax(p);
                    topP = p[top];
                }
                boolean struck = form.officer() == Officer.CROSSED_OUT && fields.get(f).key().equals(form.marked());
                csv.printf(java.util.Locale.ROOT, "%d,%s,%s,%d,%b,%d,%b,%.3f,%.3f,%.6f,%.4f,%.3f,%d,%.8f,%.4f,%.3f,%.3f%n",
                        index, form.officer(), fields.get(f).key(), b, written, digit, struck, ink.mass(), ink.trace(),
                        ink.emptyProbability(), energy, inkSum, top, topP, strangeness, 0.0, 0.0);
            }
        }
    }
}
