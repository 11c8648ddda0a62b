package id.pemilu.ocr.bench;

import id.pemilu.ocr.bench.NeverSilentTuning.Form;
import id.pemilu.ocr.bench.NeverSilentTuning.Signs;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.FieldEvidence;
import id.pemilu.ocr.synth.FormSynthesizer.Officer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measurement only (issue 19, thirteenth round): keeps what {@link NeverSilentTuning} read of each validation form
 * (the field evidence, the truth, the officer, the per-field signs) in a file, so that the decision rules can be
 * tried on the same forms again without reading the photos ({@code --cache FILE}, then {@code --from A,B,...}).
 */
final class RuleGrid {

    private RuleGrid() {
    }

    static void save(Path file, FormTemplates templates, List<Form> read, List<Signs> signs) throws IOException {
        List<FormTemplate> all = templates.all();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(-2); // version 2: with P(struck) per field
            out.writeInt(read.size());
            for (int f = 0; f < read.size(); f++) {
                Form form = read.get(f);
                out.writeUTF(form.source());
                out.writeInt(all.indexOf(form.template()));
                out.writeUTF(form.officer().name());
                out.writeBoolean(form.marked() != null);
                if (form.marked() != null) {
                    out.writeUTF(form.marked());
                }
                out.writeInt(form.truth().size());
                for (Map.Entry<String, Integer> entry : form.truth().entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue());
                }
                out.writeInt(form.evidence().size());
                for (FieldEvidence field : form.evidence()) {
                    out.writeUTF(field.key());
                    out.writeDouble(field.strangeness());
                    out.writeInt(field.candidates().size());
                    for (FieldEvidence.Candidate candidate : field.candidates()) {
                        out.writeBoolean(candidate.value() != null);
                        out.writeInt(candidate.value() == null ? 0 : candidate.value());
                        out.writeDouble(candidate.probability());
                    }
                }
                Signs sign = signs.get(f);
                for (int i = 0; i < form.evidence().size(); i++) {
                    out.writeDouble(sign.strangeness()[i]);
                    out.writeBoolean(sign.struck()[i]);
                    out.writeDouble(sign.struckProbability()[i]);
                }
            }
        }
    }

    static void load(Path file, FormTemplates templates, List<Form> read, List<Signs> signs) throws IOException {
        List<FormTemplate> all = templates.all();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int forms = in.readInt();
            boolean withStruck = forms < 0;
            if (withStruck) {
                forms = in.readInt();
            }
            for (int f = 0; f < forms; f++) {
                String source = in.readUTF();
                FormTemplate template = all.get(in.readInt());
                Officer officer = Officer.valueOf(in.readUTF());
                String marked = in.readBoolean() ? in.readUTF() : null;
                Map<String, Integer> truth = new LinkedHashMap<>();
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    truth.put(in.readUTF(), in.readInt());
                }
                int fields = in.readInt();
                List<FieldEvidence> evidence = new ArrayList<>();
                for (int i = 0; i < fields; i++) {
                    String key = in.readUTF();
                    double strangeness = in.readDouble();
                    int count = in.readInt();
                    List<FieldEvidence.Candidate> candidates = new ArrayList<>();
                    for (int c = 0; c < count; c++) {
                        boolean present = in.readBoolean();
                        int value = in.readInt();
                        candidates.add(new FieldEvidence.Candidate(present ? value : null, in.readDouble()));
                    }
                    evidence.add(new FieldEvidence(key, List.copyOf(candidates), strangeness));
                }
                double[] strangeness = new double[fields];
                boolean[] struck = new boolean[fields];
                double[] struckProbability = new double[fields];
                for (int i = 0; i < fields; i++) {
                    strangeness[i] = in.readDouble();
                    struck[i] = in.readBoolean();
                    // unknown in version 1: taken as 1 (the struck-conditioned rules act as the committed one)
                    struckProbability[i] = withStruck ? in.readDouble() : 1;
                }
                read.add(new Form(template, truth, marked, officer, evidence, null, source));
                signs.add(new Signs(strangeness, struck, struckProbability));
            }
        }
    }

    /**
     * One setting of the decision rules: the prior of the "does not add up" hypothesis, epsilon, the correction odds,
     * the hard out-of-distribution flag, and the flag on a field the sums changed: flagged when one of its boxes
     * scores above {@code changedEdge} and the classifier gave its own value more than {@code changedTop}
     * (committed: 0 and 0, i.e. any score above 0, any classifier confidence), and (when the per-field signs are
     * known) a box of the field has P(struck) of at least {@code struckFloor} or a score above {@code orEdge}
     * (sixteenth round; committed: floor 0, so the last condition always holds).
     */
    record Rules(double prior, double epsilon, double odds, double strangeFlag, double changedEdge,
                 double changedTop, double struckFloor, double orEdge) {
        Rules(double prior, double epsilon, double odds, double strangeFlag, double changedEdge, double changedTop) {
            this(prior, epsilon, odds, strangeFlag, changedEdge, changedTop, 0, Double.POSITIVE_INFINITY);
        }

        /** "prior,eps,odds,strange,edge,top,floor,orEdge" (inf for infinity). */
        static Rules parse(String text) {
            String[] p = text.split(",");
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = p[i].trim().equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(p[i].trim());
            }
            return new Rules(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "prior %.0e eps %.0e odds %.0e strange %s changed>%s top>%s%s",
                    prior, epsilon, odds, Double.isInfinite(strangeFlag) ? "off" : String.valueOf(strangeFlag),
                    Double.isInfinite(changedEdge) ? "off" : String.valueOf(changedEdge), changedTop,
                    struckFloor > 0 ? " P(struck)>=" + struckFloor + (Double.isInfinite(orEdge) ? ""
                            : " or score>" + orEdge) : "");
        }
    }

    /** Silent forms (plain, mis-added, crossed-out), plain forms, no fix, exact, as written; per source seed too. */
    record Score(int[] silent, int plain, int noFix, int exact, int asWritten, Map<String, int[]> perSeed,
                 List<String> silentForms, long digits, long digitsRight, int[] flaggedForms, int[] forms) {
        int silentTotal() {
            return silent[0] + silent[1] + silent[2];
        }
    }

    static final double COMMITTED_PRIOR = id.pemilu.ocr.reading.ArithmeticSolver.INCONSISTENT_PRIOR;

    /**
     * The solution under another prior, from the solution under no prior (the beam's own posteriors) and the one
     * under the committed prior: the "does not add up" weight scales with the prior, and it agrees with a field only
     * where the chosen value is the classifier's own (see {@code ArithmeticSolver.solve}).
     */
    static id.pemilu.ocr.reading.ArithmeticSolver.Solution rescale(Form form,
            id.pemilu.ocr.reading.ArithmeticSolver.Solution none,
            id.pemilu.ocr.reading.ArithmeticSolver.Solution committed, double prior) {
        if (!none.consistent()) {
            return none;
        }
        if (prior == COMMITTED_PRIOR) {
            return committed;
        }
        double q0 = committed.inconsistentProbability();
        if (q0 > 0.99) {
            return solve(form, prior);
        }
        double x = prior / COMMITTED_PRIOR * q0 / (1 - q0);
        List<Double> confidences = new ArrayList<>();
        for (int i = 0; i < form.evidence().size(); i++) {
            boolean agree = java.util.Objects.equals(form.evidence().get(i).best().value(), none.values().get(i));
            confidences.add((none.confidences().get(i) + (agree ? x : 0)) / (1 + x));
        }
        return new id.pemilu.ocr.reading.ArithmeticSolver.Solution(true, none.values(), confidences, x / (1 + x));
    }

    static boolean asWritten(List<FieldEvidence> evidence, id.pemilu.ocr.reading.ArithmeticSolver.Solution solution,
                             Rules rules) {
        if (!solution.consistent() || solution.inconsistentProbability() > rules.epsilon()) {
            return true;
        }
        for (int i = 0; i < evidence.size(); i++) {
            FieldEvidence field = evidence.get(i);
            Integer chosen = solution.values().get(i);
            if (!java.util.Objects.equals(chosen, field.best().value())
                    && field.best().probability() / Math.max(1e-300, field.probabilityOf(chosen)) >= rules.odds()) {
                return true;
            }
        }
        return false;
    }

    /** The flags under these rules, as {@code FormReader.decideFields} sets them (null value: shown as read). */
    static boolean[] flags(List<FieldEvidence> evidence, id.pemilu.ocr.reading.ArithmeticSolver.Solution solution,
                           Rules rules, Integer[] shown) {
        return flags(evidence, solution, rules, shown, (Signs) null);
    }

    /** As below, with the form's signs (null: the hard flag on the field's score, struck boost included). */
    static boolean[] flags(List<FieldEvidence> evidence, id.pemilu.ocr.reading.ArithmeticSolver.Solution solution,
                           Rules rules, Integer[] shown, Signs sign) {
        return flags(evidence, solution, rules, shown, sign == null ? null : sign.struckProbability(), sign);
    }

    /** As above; {@code struckProbability} (per field, the highest P(struck) of its inked boxes) may be null. */
    static boolean[] flags(List<FieldEvidence> evidence, id.pemilu.ocr.reading.ArithmeticSolver.Solution solution,
                           Rules rules, Integer[] shown, double[] struckProbability) {
        return flags(evidence, solution, rules, shown, struckProbability, null);
    }

    static boolean[] flags(List<FieldEvidence> evidence, id.pemilu.ocr.reading.ArithmeticSolver.Solution solution,
                           Rules rules, Integer[] shown, double[] struckProbability, Signs sign) {
        int n = evidence.size();
        boolean[] flag = new boolean[n];
        if (asWritten(evidence, solution, rules)) {
            for (int i = 0; i < n; i++) {
                flag[i] = true;
                shown[i] = evidence.get(i).best().value();
            }
            return flag;
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            FieldEvidence field = evidence.get(i);
            Integer value = solution.values().get(i);
            shown[i] = value;
            boolean corrected = !java.util.Objects.equals(value, field.best().value());
            // the hard flag: the field's score (the struck boost included), or with the signs a box taken as struck
            // or a box's own score at the flag (the same at the committed flag 2, the boost's value)
            boolean hard = sign == null ? field.strangeness() >= rules.strangeFlag()
                    : sign.struck()[i] || sign.strangeness()[i] >= rules.strangeFlag();
            flag[i] = value == null || solution.confidences().get(i) < 1 - rules.epsilon() || hard
                    || corrected && field.strangeness() > rules.changedEdge()
                    && field.best().probability() > rules.changedTop()
                    && (struckProbability == null || struckProbability[i] >= rules.struckFloor()
                    || field.strangeness() > rules.orEdge());
            count += flag[i] ? 1 : 0;
        }
        if (count >= id.pemilu.ocr.reading.FormReader.POOR_PHOTO_FLAGS) {
            java.util.Arrays.fill(flag, true);
        }
        return flag;
    }

    static List<Signs> signs = List.of();

    static Score score(List<Form> read, List<id.pemilu.ocr.reading.ArithmeticSolver.Solution> solutions,
                       Rules rules) {
        int[] silent = new int[3];
        int plain = 0, noFix = 0, exact = 0, asWrittenForms = 0;
        long digits = 0, digitsRight = 0;
        int[] flaggedForms = new int[3], forms = new int[3];
        Map<String, int[]> perSeed = new java.util.TreeMap<>();
        List<String> silentForms = new ArrayList<>();
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            List<FieldEvidence> evidence = form.evidence();
            Integer[] shown = new Integer[evidence.size()];
            boolean[] flag = flags(evidence, solutions.get(f), rules, shown, signs.isEmpty() ? null : signs.get(f));
            boolean allRight = true, anyFlag = false, allFlagged = true, anySilent = false;
            for (int i = 0; i < evidence.size(); i++) {
                String key = evidence.get(i).key();
                boolean right = form.truth().get(key).equals(shown[i]);
                String want = String.valueOf(form.truth().get(key));
                String got = shown[i] == null ? "" : String.valueOf(shown[i]);
                for (int d = 0; d < want.length(); d++) {
                    int at = got.length() - want.length() + d;
                    digits++;
                    digitsRight += at >= 0 && got.charAt(at) == want.charAt(d) ? 1 : 0;
                }
                boolean isSilent = !flag[i] && (!right
                        || form.officer() == Officer.CROSSED_OUT && key.equals(form.marked()));
                allRight &= right;
                anyFlag |= flag[i];
                allFlagged &= flag[i];
                if (isSilent && !anySilent) {
                    silentForms.add(String.format("%s %s %s %s written %s shown %s", form.source(), form.officer(),
                            form.template().ballotType(), key, form.truth().get(key), shown[i]));
                }
                anySilent |= isSilent;
            }
            String seed = form.source().substring(0, form.source().indexOf('/'));
            int[] s = perSeed.computeIfAbsent(seed, k -> new int[8]);
            for (int i = 0; i < evidence.size(); i++) {
                // per seed (sixteenth round): digits and digits right, as the benchmark counts them; exact forms
                String want = String.valueOf(form.truth().get(evidence.get(i).key()));
                String got = shown[i] == null ? "" : String.valueOf(shown[i]);
                for (int d = 0; d < want.length(); d++) {
                    int at = got.length() - want.length() + d;
                    s[5]++;
                    s[6] += at >= 0 && got.charAt(at) == want.charAt(d) ? 1 : 0;
                }
            }
            s[7] += allRight ? 1 : 0;
            forms[form.officer().ordinal()]++;
            flaggedForms[form.officer().ordinal()] += anyFlag ? 1 : 0;
            if (anySilent) {
                silent[form.officer().ordinal()]++;
                s[form.officer().ordinal()]++;
            }
            if (form.officer() == Officer.CAREFUL) {
                plain++;
                s[3]++;
                boolean ok = allRight && !anyFlag;
                noFix += ok ? 1 : 0;
                s[4] += ok ? 1 : 0;
                exact += allRight ? 1 : 0;
                asWrittenForms += allFlagged ? 1 : 0;
            }
        }
        return new Score(silent, plain, noFix, exact, asWrittenForms, perSeed, silentForms, digits, digitsRight,
                flaggedForms, forms);
    }

    /**
     * Every setting of the grid on the loaded forms: silent forms (a form counts once, by its officer) and the plain
     * forms with no fix, pooled and per seed; then the acceptable settings (no silent form at all), most no fix first.
     */
    static void run(List<Form> read, List<Signs> signsOfForms) {
        signs = signsOfForms;
        List<id.pemilu.ocr.reading.ArithmeticSolver.Solution> none = new ArrayList<>();
        List<id.pemilu.ocr.reading.ArithmeticSolver.Solution> committed = new ArrayList<>();
        long started = System.nanoTime();
        for (Form form : read) {
            none.add(solve(form, 0));
            committed.add(solve(form, COMMITTED_PRIOR));
        }
        System.out.printf("solved %d forms twice in %.0f s%n", read.size(), (System.nanoTime() - started) / 1e9);
        // the tool's rules at the committed setting must be the reader's
        int mismatch = 0;
        Rules base = new Rules(COMMITTED_PRIOR, id.pemilu.ocr.reading.FormReader.REVIEW_EPSILON,
                id.pemilu.ocr.reading.FormReader.CORRECTION_ODDS, id.pemilu.ocr.digit.OutOfDistribution.FLAG,
                id.pemilu.ocr.reading.FormReader.CHANGED_EDGE, 0);
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            List<id.pemilu.ocr.reading.FieldReading> reader = id.pemilu.ocr.reading.FormReader.decideFields(
                    form.evidence(), committed.get(f));
            Integer[] shown = new Integer[reader.size()];
            boolean[] flag = flags(form.evidence(), committed.get(f), base, shown);
            for (int i = 0; i < reader.size(); i++) {
                mismatch += reader.get(i).needsReview() != flag[i]
                        || !java.util.Objects.equals(reader.get(i).value(), shown[i]) ? 1 : 0;
            }
        }
        System.out.printf("fields where the tool and FormReader.decideFields disagree at the committed rules: %d%n",
                mismatch);
        int mismatchSigns = 0;
        for (int f = 0; f < read.size(); f++) {
            Integer[] a = new Integer[read.get(f).evidence().size()];
            Integer[] b = new Integer[a.length];
            boolean[] x = flags(read.get(f).evidence(), committed.get(f), base, a);
            boolean[] y = flags(read.get(f).evidence(), committed.get(f), base, b, signs.get(f));
            for (int i = 0; i < a.length; i++) {
                mismatchSigns += x[i] != y[i] || !java.util.Objects.equals(a[i], b[i]) ? 1 : 0;
            }
        }
        System.out.printf("fields where the hard flag from the signs and from the field's score disagree at the"
                + " committed rules: %d%n", mismatchSigns);
        double[] priors = {1e-8, 1e-10, 1e-12, 0};
        double[] epsilons = {1e-4, 3e-4, 1e-3, 3e-3};
        // sixteenth round: odds 3-30 and the hard flag beside the thirteenth round's grid; (c) with a struck floor
        // or a score edge ("or")
        double[] odds = {3, 10, 20, 30, 100, 300, 1e3, 1e4};
        double[] stranges = {1, 2, 3, Double.POSITIVE_INFINITY};
        double inf = Double.POSITIVE_INFINITY;
        double[][] changed = {{0, 0, 0, inf}, {0.25, 0, 0, inf}, {0.5, 0, 0, inf}, {0.75, 0, 0, inf},
            {1, 0, 0, inf}, {inf, 0, 0, inf}, {0, 0.5, 0, inf}, {0, 0.9, 0, inf}, {0, 0, 0.01, inf},
            {0, 0, 0.03, inf}, {0, 0, 0.1, inf}, {0, 0, 0.3, inf}, {0, 0, 0.5, inf}, {0, 0, 0.01, 0.5},
            {0, 0, 0.1, 0.5}, {0, 0, 0.5, 0.5}, {0, 0, 0.01, 1}, {0, 0, 0.1, 1}, {0, 0, 0.5, 1}};
        List<Rules> all = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        Map<Double, List<id.pemilu.ocr.reading.ArithmeticSolver.Solution>> byPrior = new java.util.HashMap<>();
        for (double prior : priors) {
            List<id.pemilu.ocr.reading.ArithmeticSolver.Solution> solutions = new ArrayList<>();
            for (int f = 0; f < read.size(); f++) {
                solutions.add(rescale(read.get(f), none.get(f), committed.get(f), prior));
            }
            byPrior.put(prior, solutions);
        }
        String seeds = String.join(" ", score(read, committed, base).perSeed().keySet());
        System.out.printf("%-80s | %-9s | %7s %7s %7s | no fix per seed (%s)%n", "rules", "silent", "no-fix%",
                "exact%", "asWrit%", seeds);
        for (double prior : priors) {
            for (double epsilon : epsilons) {
                for (double o : odds) {
                    for (double strange : stranges) {
                    for (double[] c : changed) {
                        Rules rules = new Rules(prior, epsilon, o, strange, c[0], c[1], c[2], c[3]);
                        Score score = score(read, byPrior.get(prior), rules);
                        all.add(rules);
                        scores.add(score);
                        System.out.printf("%-80s | %-9s | %6.2f%% %6.2f%% %6.2f%% |%s%n", rules,
                                score.silent()[0] + "/" + score.silent()[1] + "/" + score.silent()[2],
                                100.0 * score.noFix() / score.plain(), 100.0 * score.exact() / score.plain(),
                                100.0 * score.asWritten() / score.plain(), perSeed(score));
                    }
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt((Integer i) -> -scores.get(i).noFix())
                .thenComparingInt(i -> scores.get(i).silentTotal()));
        System.out.println("acceptable (no silent form), most no fix first:");
        int shown = 0;
        for (int i : order) {
            if (scores.get(i).silentTotal() == 0 && shown++ < 25) {
                System.out.printf("  %-80s no fix %d of %d (%.2f%%), exact %d, as written %d |%s%n", all.get(i),
                        scores.get(i).noFix(), scores.get(i).plain(), 100.0 * scores.get(i).noFix()
                                / scores.get(i).plain(), scores.get(i).exact(), scores.get(i).asWritten(),
                        perSeed(scores.get(i)));
            }
        }
        List<String> committedSilent = score(read, committed, base).silentForms();
        System.out.println("no silent form beyond the committed rules' own, most no fix first:");
        shown = 0;
        for (int i : order) {
            if (committedSilent.containsAll(scores.get(i).silentForms()) && shown++ < 40) {
                System.out.printf("  %-80s no fix %d of %d (%.2f%%), exact %d, as written %d, silent %s |%s%n",
                        all.get(i), scores.get(i).noFix(), scores.get(i).plain(), 100.0 * scores.get(i).noFix()
                                / scores.get(i).plain(), scores.get(i).exact(), scores.get(i).asWritten(),
                        java.util.Arrays.toString(scores.get(i).silent()), perSeed(scores.get(i)));
            }
        }
        System.out.println("the best settings with silent forms (what they would cost):");
        shown = 0;
        for (int i : order) {
            if (scores.get(i).silentTotal() > 0 && shown++ < 12) {
                System.out.printf("  %-80s no fix %d, silent %s: %s%n", all.get(i), scores.get(i).noFix(),
                        java.util.Arrays.toString(scores.get(i).silent()), scores.get(i).silentForms());
            }
        }
        System.out.printf("silent forms at the committed rules: %s%n", score(read, committed, base).silentForms());
        saveSolutions();
    }

    /**
     * The given settings on the loaded forms (sixteenth round: the benchmark sets, measured only): per setting the
     * silent forms, no fix, exact, digits, flagged forms per officer, and every silent form.
     */
    static void evaluate(List<Form> read, List<Signs> signsOfForms, List<Rules> settings) {
        signs = signsOfForms;
        for (Rules rules : settings) {
            List<id.pemilu.ocr.reading.ArithmeticSolver.Solution> solutions = new ArrayList<>();
            for (Form form : read) {
                solutions.add(solve(form, rules.prior()));
            }
            Score score = score(read, solutions, rules);
            System.out.printf("%s%n  forms (careful/mis-added/crossed-out) %s, flagged %s, silent %s; plain: no fix %d"
                            + " of %d (%.2f%%), exact %d (%.2f%%), as written %d; digits %d of %d (%.2f%%)%n", rules,
                    java.util.Arrays.toString(score.forms()), java.util.Arrays.toString(score.flaggedForms()),
                    java.util.Arrays.toString(score.silent()), score.noFix(), score.plain(),
                    100.0 * score.noFix() / Math.max(1, score.plain()), score.exact(),
                    100.0 * score.exact() / Math.max(1, score.plain()), score.asWritten(), score.digitsRight(),
                    score.digits(), 100.0 * score.digitsRight() / score.digits());
            System.out.printf("  per seed no fix/plain(silent c/m/x):%s%n", perSeed(score));
            score.perSeed().forEach((seed, n) -> System.out.printf(java.util.Locale.ROOT,
                    "  seed %s: digits %d of %d (%.2f%%), forms exact %d%n", seed, n[6], n[5], 100.0 * n[6] / n[5],
                    n[7]));
            score.silentForms().forEach(s -> System.out.println("  silent: " + s));
        }
        // seventeenth round: the suggestions of the forms read as written, under the reader's own rules
        SuggestionTally suggestions = new SuggestionTally("committed rules");
        for (Form form : read) {
            suggestions.add(form.truth(), id.pemilu.ocr.reading.FormReader.decideFields(form.evidence(),
                    solve(form, COMMITTED_PRIOR)), form.officer().ordinal());
        }
        suggestions.print();
        saveSolutions();
    }

    /**
     * Sixteenth round: the beam's solutions kept in a file ({@code -Drulegrid.solutions=FILE}), by form source and
     * prior, so that a grid run again on the same forms does not solve them again (the solve is the slow part);
     * a comma-separated list loads every file and saves to the first.
     */
    private static final Map<String, id.pemilu.ocr.reading.ArithmeticSolver.Solution> SOLVED =
            new java.util.HashMap<>();
    private static boolean solvedLoaded;
    private static int solvedNew;

    static id.pemilu.ocr.reading.ArithmeticSolver.Solution solve(Form form, double prior) {
        String files = System.getProperty("rulegrid.solutions");
        if (files != null && !solvedLoaded) {
            solvedLoaded = true;
            for (String file : files.split(",")) {
            if (Files.exists(Path.of(file))) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
                        Path.of(file))))) {
                    int n = in.readInt();
                    for (int k = 0; k < n; k++) {
                        String key = in.readUTF();
                        boolean consistent = in.readBoolean();
                        int size = in.readInt();
                        List<Integer> values = new ArrayList<>();
                        List<Double> confidences = new ArrayList<>();
                        for (int i = 0; i < size; i++) {
                            boolean present = in.readBoolean();
                            int value = in.readInt();
                            values.add(present ? value : null);
                            confidences.add(in.readDouble());
                        }
                        SOLVED.put(key, new id.pemilu.ocr.reading.ArithmeticSolver.Solution(consistent,
                                java.util.Collections.unmodifiableList(values), List.copyOf(confidences),
                                in.readDouble()));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            }
        }
        String key = form.source() + "|" + form.template().ballotType() + "|" + prior;
        id.pemilu.ocr.reading.ArithmeticSolver.Solution solution = SOLVED.get(key);
        if (solution == null) {
            solution = id.pemilu.ocr.reading.ArithmeticSolver.solve(form.evidence(), form.template().rules(), prior);
            SOLVED.put(key, solution);
            solvedNew++;
        }
        return solution;
    }

    static void saveSolutions() {
        String files = System.getProperty("rulegrid.solutions");
        if (files == null || solvedNew == 0) {
            return;
        }
        String file = files.split(",")[0];
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(
                Path.of(file))))) {
            out.writeInt(SOLVED.size());
            for (Map.Entry<String, id.pemilu.ocr.reading.ArithmeticSolver.Solution> e : SOLVED.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeBoolean(e.getValue().consistent());
                out.writeInt(e.getValue().values().size());
                for (int i = 0; i < e.getValue().values().size(); i++) {
                    Integer v = e.getValue().values().get(i);
                    out.writeBoolean(v != null);
                    out.writeInt(v == null ? 0 : v);
                    out.writeDouble(e.getValue().confidences().get(i));
                }
                out.writeDouble(e.getValue().inconsistentProbability());
            }
            solvedNew = 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String perSeed(Score score) {
        StringBuilder out = new StringBuilder();
        score.perSeed().forEach((seed, s) -> out.append(String.format(" %d/%d(%d/%d/%d)", s[4], s[3], s[0], s[1],
                s[2])));
        return out.toString();
    }
}
