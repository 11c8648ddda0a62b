package id.pemilu.ocr.bench;

import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.ArithmeticSolver;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.synth.FormSynthesizer.Officer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measurement only (issue 19, seventeenth round): the committed rules on cached own validation forms
 * ({@code NeverSilentTuning --cache}), with one more flag beside them: a field whose P(struck) (its highest box) is at
 * least t and whose score (its highest box) is above e, over a small grid of t and e. Per setting: silent forms per
 * officer (and which), the plain forms with no fix, and the plain forms it flags that were not flagged before. It
 * chose {@code FormReader.DOUBTFUL_STRIKE} and {@code DOUBTFUL_STRIKE_EDGE} (the reader applies them per box, a
 * subset of these per-field flags). Usage: {@code StruckDoubtGrid A.bin,B.bin,...} (with
 * {@code -Drulegrid.solutions=...} to reuse solved forms).
 */
final class StruckDoubtGrid {

    private StruckDoubtGrid() {
    }

    public static void main(String[] a) throws Exception {
        List<NeverSilentTuning.Form> read = new ArrayList<>();
        List<NeverSilentTuning.Signs> signs = new ArrayList<>();
        FormTemplates templates = FormTemplates.load();
        for (String file : a[0].split(",")) RuleGrid.load(Path.of(file), templates, read, signs);
        List<ArithmeticSolver.Solution> sol = new ArrayList<>();
        for (NeverSilentTuning.Form form : read) sol.add(RuleGrid.solve(form, RuleGrid.COMMITTED_PRIOR));
        RuleGrid.Rules base = new RuleGrid.Rules(RuleGrid.COMMITTED_PRIOR, FormReader.REVIEW_EPSILON,
                FormReader.CORRECTION_ODDS, id.pemilu.ocr.digit.OutOfDistribution.FLAG, FormReader.CHANGED_EDGE, 0);
        double[] ts = {2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        double[] es = {Double.NEGATIVE_INFINITY, 0, 0.1, 0.2, 0.25, 0.3, 0.5};
        for (double t : ts) for (double e : es) {
            if (t > 1 && e > Double.NEGATIVE_INFINITY) continue;
            int[] silent = new int[3]; int plain = 0, noFix = 0, extraForms = 0; List<String> which = new ArrayList<>();
            for (int f = 0; f < read.size(); f++) {
                NeverSilentTuning.Form form = read.get(f);
                NeverSilentTuning.Signs g = signs.get(f);
                Integer[] shown = new Integer[form.evidence().size()];
                boolean[] flag = RuleGrid.flags(form.evidence(), sol.get(f), base, shown, g);
                boolean before = false; for (boolean b : flag) before |= b;
                int count = 0;
                for (int i = 0; i < flag.length; i++) {
                    flag[i] |= g.struckProbability()[i] >= t && g.strangeness()[i] > e;
                    count += flag[i] ? 1 : 0;
                }
                if (count >= FormReader.POOR_PHOTO_FLAGS) Arrays.fill(flag, true);
                boolean any = false, allRight = true, sil = false;
                for (int i = 0; i < flag.length; i++) {
                    String key = form.evidence().get(i).key();
                    boolean right = form.truth().get(key).equals(shown[i]);
                    allRight &= right; any |= flag[i];
                    if (!flag[i] && (!right || form.officer() == Officer.CROSSED_OUT && key.equals(form.marked()))) {
                        if (!sil) which.add(form.source() + " " + form.officer() + " " + key);
                        sil = true;
                    }
                }
                if (sil) silent[form.officer().ordinal()]++;
                if (form.officer() == Officer.CAREFUL) { plain++; noFix += allRight && !any ? 1 : 0; extraForms += any && !before ? 1 : 0; }
            }
            System.out.printf(Locale.ROOT, "P(struck)>=%.2f score>%5.2f | silent %d/%d/%d | no fix %d of %d (%.2f%%), plain forms newly flagged %d | %s%n",
                t, e, silent[0], silent[1], silent[2], noFix, plain, 100.0 * noFix / plain, extraForms, which);
        }
    }
}
