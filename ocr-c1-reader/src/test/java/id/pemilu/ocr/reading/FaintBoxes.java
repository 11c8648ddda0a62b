package id.pemilu.ocr.reading;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.util.Arrays;
import java.util.Map;

/**
 * Issue 19, fifth round: the boxes taken as certainly empty (no ink on the fixed ramp, no trace on the low ramp), written
 * and empty, on the own synthesiser (validation digits): would a trace on a lower ramp, kept six times the paper's noise
 * above it, find the written ones without finding the empty ones? Prints, per lower ramp peak, how many written and how
 * many empty boxes of that kind it would give a trace.
 * <pre>
 * ocr-c1-reader/bench.sh run ../reading/FaintBoxes  (run the class id.pemilu.ocr.reading.FaintBoxes with the test classpath)
 * </pre>
 */
public final class FaintBoxes {

    private FaintBoxes() {
    }

    static final double[] PEAKS = {0.4, 0.3, 0.25, 0.2};

    public static void main(String[] args) throws Exception {
        int forms = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        PhotoSimulator.Distortion kind = PhotoSimulator.Distortion.valueOf(args[2]);
        Writing writing = Writing.named(args[3]);
        FormTemplates templates = FormTemplates.load();
        FormSynthesizer own = new FormSynthesizer(new HandwrittenDigits(MnistFile.load(MnistFile.defaultDirectory()),
                48_000, 50_000));
        long[] certain = new long[2];
        long[][] traced = new long[2][PEAKS.length];
        long[] boxes = new long[2];
        long[][][] moves = new long[2][3][3];
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                FormSynthesizer.Synthesized s = own.synthesize(template, "31.71.02.2002.001", seed + i, kind,
                        r -> VoteGenerator.generate(template, r), writing, FormSynthesizer.Officer.CAREFUL);
                FormReader.Analysis analysis;
                try {
                    analysis = reader.analyse(PhotoDecoder.decode(s.jpeg()));
                } catch (UnreadablePhoto e) {
                    continue;
                }
                Map<String, Integer> truth = s.truth();
                for (int f = 0; f < template.fields().size(); f++) {
                    FormTemplate.Field field = template.fields().get(f);
                    String text = String.valueOf(truth.get(field.key()));
                    int n = field.boxes().size();
                    for (int b = 0; b < n; b++) {
                        // leading-zero boxes are written too, but their truth is unknown here: count them as neither
                        boolean written = b >= n - text.length();
                        if (!written && s.leadingZeros()) {
                            continue;
                        }
                        int w = written ? 1 : 0;
                        boxes[w]++;
                        BoxSampler.BoxInk ink = analysis.boxes().get(f).get(b);
                        if (ink.mass() > 0) {
                            continue;
                        }
                        float[] darkness = BoxSampler.darkness(BoxSampler.grey(analysis.image(),
                                analysis.page().templateToImage(), field.boxes().get(b)));
                        float[] sorted = darkness.clone();
                        Arrays.sort(sorted);
                        double noise = BoxSampler.paperNoise(sorted);
                        double standard = 0;
                        for (float[] row : BoxSampler.inkMap(darkness, BoxSampler.PEAK_FLOOR)) {
                            for (float v : row) {
                                standard += v;
                            }
                        }
                        // which of the emptiness estimates the box gets: 1, TRACE_EMPTY or TRACE_CLEAR_EMPTY
                        int before = standard <= 0 ? 0 : standard <= BoxSampler.TRACE_CLEAR ? 1 : 2;
                        double lowTrace = 0;
                        double lowPeak = Math.max(0.4, BoxSampler.NOISE_MULTIPLE * noise);
                        if (lowPeak < BoxSampler.PEAK_FLOOR) {
                            for (float[] row : BoxSampler.inkMap(darkness, lowPeak)) {
                                for (float v : row) {
                                    lowTrace += v;
                                }
                            }
                        }
                        double t = Math.max(standard, lowTrace);
                        int after = t <= 0 ? 0 : t <= BoxSampler.TRACE_CLEAR ? 1 : 2;
                        moves[w][before][after]++;
                        if (standard > 0) {
                            continue;
                        }
                        certain[w]++;
                        for (int p = 0; p < PEAKS.length; p++) {
                            double peak = Math.max(PEAKS[p], BoxSampler.NOISE_MULTIPLE * noise);
                            double trace = 0;
                            for (float[] row : BoxSampler.inkMap(darkness, peak)) {
                                for (float v : row) {
                                    trace += v;
                                }
                            }
                            traced[w][p] += trace > 0 ? 1 : 0;
                        }
                    }
                }
            }
        }
        System.out.printf("own %s %s, %d forms from seed %d%n", kind, args[3], forms, seed);
        String[] kinds = {"certain", "trace", "clear"};
        for (int w = 1; w >= 0; w--) {
            for (int a = 0; a < 3; a++) {
                System.out.printf("%-8s mass 0, %-7s at 0.5 -> at 0.4: certain %5d  trace %5d  clear %5d%n",
                        w == 1 ? "written" : "empty", kinds[a], moves[w][a][0], moves[w][a][1], moves[w][a][2]);
            }
        }
        for (int w = 1; w >= 0; w--) {
            StringBuilder line = new StringBuilder(String.format("%-8s boxes %6d, certainly empty %5d; traced at peak",
                    w == 1 ? "written" : "empty", boxes[w], certain[w]));
            for (int p = 0; p < PEAKS.length; p++) {
                line.append(String.format("  %.2f: %5d", PEAKS[p], traced[w][p]));
            }
            System.out.println(line);
        }
    }
}
