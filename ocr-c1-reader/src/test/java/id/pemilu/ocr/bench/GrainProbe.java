package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import id.pemilu.ocr.synth.VoteGenerator;
import id.pemilu.ocr.synth.Writing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 19, fifth round: how the committed networks read the written boxes of the same photos when the classifier's ink
 * map is cut from a smoothed grey grid in grainy boxes ({@link BoxSampler#sample(id.pemilu.ocr.reading.GrayImage,
 * id.pemilu.ocr.reading.Homography, FormTemplate.Rect, int, double, double)}). Every variant reads the very same boxes; the
 * empty/written decision (ink mass, trace) is the same in all of them. Tuning runs only on the own synthesiser with
 * validation digits (48,000-49,999): {@code --generator own --writing BROAD --kind HARSH}.
 * <pre>
 * ocr-c1-reader/bench.sh run GrainProbe --forms 24 --seed 9530000 --kind NOISE --variants 0:1,1:0.05:60,2:0.05:60
 * </pre>
 * A variant is PASSES:GRAIN_ABOVE[:MASS_BELOW]: PASSES of the 3x3 binomial kernel (0 = the box as sampled), only in
 * boxes whose paper noise (a darkness standard deviation) exceeds GRAIN_ABOVE and whose ink mass on the fixed ramp is
 * below MASS_BELOW. The reader's choice is 2:0.05:60.
 */
public final class GrainProbe {

    private GrainProbe() {
    }

    public static void main(String[] args) throws Exception {
        int forms = 24;
        long seed = 9_500_000;
        String generatorName = "own";
        String kind = "HARSH";
        Writing writing = Writing.BROAD;
        String variants = "0:1,2:0.05:60";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--generator" -> generatorName = args[i + 1];
                case "--kind" -> kind = args[i + 1];
                case "--writing" -> writing = Writing.named(args[i + 1]);
                case "--variants" -> variants = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String[] names = variants.split(",");
        int[] smoothing = new int[names.length];
        double[] grain = new double[names.length];
        double[] massBelow = new double[names.length];
        for (int v = 0; v < names.length; v++) {
            smoothing[v] = Integer.parseInt(names[v].split(":")[0]);
            grain[v] = Double.parseDouble(names[v].split(":")[1]);
            massBelow[v] = names[v].split(":").length > 2 ? Double.parseDouble(names[v].split(":")[2]) : 1e9;
        }
        FormTemplates templates = FormTemplates.load();
        IndependentForms independent = "independent".equals(generatorName) ? new IndependentForms() : null;
        FormSynthesizer own = independent == null ? new FormSynthesizer(new HandwrittenDigits(
                MnistFile.load(MnistFile.defaultDirectory()), 48_000, 50_000)) : null;
        // per variant: boxes, lost, wrong, wrong >= 0.99, smoothed, nll; per variant and bucket: boxes, wrong
        long[][] totals = new long[names.length][5];
        double[] nll = new double[names.length];
        List<Map<String, int[]>> byBucket = new ArrayList<>();
        for (int v = 0; v < names.length; v++) {
            byBucket.add(new TreeMap<>());
        }
        int refused = 0;
        long started = System.nanoTime();
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.02.2002.%03d", 1 + i % 50);
                Map<String, Integer> truth;
                byte[] jpeg;
                if (independent != null) {
                    IndependentForms.Form form = independent.make(template, tps, seed + i,
                            IndependentForms.Kind.valueOf(kind), IndependentForms.Officer.CAREFUL);
                    truth = form.truth();
                    jpeg = form.jpeg();
                } else {
                    FormSynthesizer.Synthesized s = own.synthesize(template, tps, seed + i,
                            PhotoSimulator.Distortion.valueOf(kind), r -> VoteGenerator.generate(template, r),
                            writing, FormSynthesizer.Officer.CAREFUL);
                    truth = s.truth();
                    jpeg = s.jpeg();
                }
                FormReader.Analysis analysis;
                try {
                    analysis = reader.analyse(PhotoDecoder.decode(jpeg));
                } catch (UnreadablePhoto e) {
                    refused++;
                    continue;
                }
                long lostBefore = totals[0][1];
                for (int v = 0; v < names.length; v++) {
                    List<float[]> inputs = new ArrayList<>();
                    List<Integer> digits = new ArrayList<>();
                    List<String> buckets = new ArrayList<>();
                    for (int f = 0; f < template.fields().size(); f++) {
                        FormTemplate.Field field = template.fields().get(f);
                        String text = String.valueOf(truth.get(field.key()));
                        int n = field.boxes().size();
                        for (int b = n - text.length(); b < n; b++) {
                            int digit = text.charAt(b - (n - text.length())) - '0';
                            BoxSampler.BoxInk ink = BoxSampler.sample(analysis.image(),
                                    analysis.page().templateToImage(), field.boxes().get(b), smoothing[v], grain[v], massBelow[v]);
                            totals[v][0]++;
                            BoxSampler.BoxInk plain = BoxSampler.sample(analysis.image(),
                                    analysis.page().templateToImage(), field.boxes().get(b), 0, 1, 0);
                            String bucket = bucket(ink.mass(), BoxSampler.grainOf(analysis.image(),
                                    analysis.page().templateToImage(), field.boxes().get(b)));
                            if (smoothing[v] > 0 && !java.util.Arrays.deepEquals(ink.ink(), plain.ink())) {
                                totals[v][4]++;
                            }
                            float[] input = ink.emptyProbability() >= 1 ? null : DigitNormalizer.normalize(ink.ink());
                            if (input == null) {
                                totals[v][1]++;
                                if (v == 0 && ink.emptyProbability() < 1) {
                                    System.out.printf("blank map: form %d field %d box %d mass %.2f trace %.2f grain %.3f%n",
                                            i, f, b, ink.mass(), ink.trace(), BoxSampler.grainOf(analysis.image(),
                                                    analysis.page().templateToImage(), field.boxes().get(b)));
                                }
                                count(byBucket.get(v), bucket, true);
                                continue;
                            }
                            inputs.add(input);
                            digits.add(digit);
                            buckets.add(bucket);
                        }
                    }
                    float[][] p = classifier.classify(inputs);
                    for (int k = 0; k < inputs.size(); k++) {
                        int top = 0;
                        for (int d = 1; d < 10; d++) {
                            if (p[k][d] > p[k][top]) {
                                top = d;
                            }
                        }
                        boolean bad = top != digits.get(k);
                        totals[v][2] += bad ? 1 : 0;
                        totals[v][3] += bad && p[k][top] >= 0.99 ? 1 : 0;
                        nll[v] -= Math.log(Math.max(1e-12, p[k][digits.get(k)]));
                        count(byBucket.get(v), buckets.get(k), bad);
                    }
                }
                if (totals[0][1] - lostBefore > 5) {
                    System.out.printf("form %d (%s, seed %d): %d written boxes taken as certainly empty%n", i,
                            template.ballotType(), seed + i, totals[0][1] - lostBefore);
                    if (System.getProperty("grainProbe.keep") != null) {
                        java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("grainProbe.keep"),
                                "lost-" + (seed + i) + ".jpg"), jpeg);
                    }
                }
                if ((i + 1) % 6 == 0) {
                    System.out.printf("%d forms, %.0f s%n", i + 1, (System.nanoTime() - started) / 1e9);
                }
            }
        }
        System.out.printf("%s %s %s, %d forms from seed %d (%d refused)%n", generatorName, kind, writing.equals(
                Writing.BROAD) ? "BROAD" : "", forms, seed, refused);
        System.out.printf("%-10s %7s %6s %6s %7s %8s %9s %8s%n", "variant", "boxes", "lost", "wrong", "wrong%",
                ">=0.99", "smoothed", "nll/box");
        for (int v = 0; v < names.length; v++) {
            long[] t = totals[v];
            System.out.printf("%-10s %7d %6d %6d %6.2f%% %8d %9d %8.4f%n", names[v], t[0], t[1], t[2],
                    100.0 * (t[1] + t[2]) / t[0], t[3], t[4], nll[v] / Math.max(1, t[0] - t[1]));
        }
        System.out.println("errors (lost + wrong) by bucket (ink mass | paper grain):");
        for (String bucket : byBucket.get(0).keySet()) {
            StringBuilder line = new StringBuilder(String.format("  %-24s %6d", bucket, byBucket.get(0).get(bucket)[0]));
            for (int v = 0; v < names.length; v++) {
                line.append(String.format("  %-9s %4d", names[v], byBucket.get(v).getOrDefault(bucket, new int[2])[1]));
            }
            System.out.println(line);
        }
    }

    private static String bucket(double mass, double grain) {
        String m = mass <= 0 ? "a 0" : mass < 14 ? "b <14" : mass < 60 ? "c 14-60" : "d >=60";
        String g = grain < 0.02 ? "<.02" : grain < 0.03 ? ".02-.03" : grain < 0.05 ? ".03-.05" : ">=.05";
        return m + " | " + g;
    }

    private static void count(Map<String, int[]> table, String key, boolean bad) {
        int[] c = table.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += bad ? 1 : 0;
    }
}
