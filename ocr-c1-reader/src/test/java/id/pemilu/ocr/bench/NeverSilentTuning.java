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
 * features to {@code --boxes FILE} (CSV) to fit the out-of-distribution edges. Run from the repository root:
 * <pre>
 * ./mvnw -q -pl ocr-c1-reader test-compile exec:java -Dexec.mainClass=id.pemilu.ocr.bench.NeverSilentTuning \
 *     -Dexec.classpathScope=test -Dexec.args="--forms 140 --seed 8000000 --writing VARIED --boxes target/boxes.csv"
 * </pre>
 */
public final class NeverSilentTuning {

    private NeverSilentTuning() {
    }

    record Form(FormTemplate template, Map<String, Integer> truth, String marked, Officer officer,
                FormReader.Analysis analysis) {
    }

    public static void main(String[] args) throws Exception {
        int forms = 140;
        long seed = 8_000_000;
        Writing writing = Writing.VARIED;
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.ALL;
        double misAdded = 0.15;
        double crossed = 0.1;
        Path boxes = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--writing" -> writing = "TRAINING".equals(args[i + 1]) ? Writing.TRAINING : Writing.VARIED;
                case "--distortion" -> distortion = PhotoSimulator.Distortion.valueOf(args[i + 1]);
                case "--mis-added" -> misAdded = Double.parseDouble(args[i + 1]);
                case "--crossed-out" -> crossed = Double.parseDouble(args[i + 1]);
                case "--boxes" -> boxes = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FormTemplates templates = FormTemplates.load();
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        FormSynthesizer synthesizer = new FormSynthesizer(
                new HandwrittenDigits(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT));
        List<Form> read = new ArrayList<>();
        int refused = 0;
        long started = System.nanoTime();
        PrintWriter csv = boxes == null ? null : new PrintWriter(Files.newBufferedWriter(boxes));
        if (csv != null) {
            csv.println("form,officer,key,box,written,digit,struck,mass,trace,empty,energy,ink,top,topP,strange,line,coverage");
        }
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (int i = 0; i < forms; i++) {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.03.3003.%03d", 1 + i % 50);
                double draw = new java.util.SplittableRandom(seed + i).nextDouble();
                Officer officer = draw < misAdded ? Officer.MIS_ADDED
                        : draw < misAdded + crossed ? Officer.CROSSED_OUT : Officer.CAREFUL;
                FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, seed + i, distortion,
                        random -> VoteGenerator.generate(template, random), writing, officer);
                try {
                    FormReader.Analysis analysis = reader.analyse(PhotoDecoder.decode(photo.jpeg()));
                    Form form = new Form(template, photo.truth(), photo.marked(), officer, analysis);
                    read.add(form);
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
        System.out.printf("%d validation forms (%s writing, %s, MNIST 48,000-49,999), %d refused%n", forms,
                writing.equals(Writing.VARIED) ? "varied" : "training", distortion, refused);
        double[] odds = {3, 10, 20, 100, 1e4, Double.POSITIVE_INFINITY};
        double[] strange = {0.5, 1, 2, Double.POSITIVE_INFINITY};
        double[] epsilons = {1e-3, 1e-4};
        List<ArithmeticSolver.Solution> solutions = new ArrayList<>();
        for (Form form : read) {
            solutions.add(ArithmeticSolver.solve(form.analysis().evidence(), form.template().rules()));
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
    }

    static void evaluate(List<Form> read, List<ArithmeticSolver.Solution> solutions, double epsilon, double odds,
                         double strange, boolean print) {
        long silentCareful = 0, silentMisAdded = 0, silentCrossed = 0, careful = 0, noFix = 0, exact = 0, asWritten = 0;
        for (int f = 0; f < read.size(); f++) {
            Form form = read.get(f);
            ArithmeticSolver.Solution solution = solutions.get(f);
            List<FieldReading> readings = FormReader.decideFields(form.analysis().evidence(), solution, epsilon,
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
