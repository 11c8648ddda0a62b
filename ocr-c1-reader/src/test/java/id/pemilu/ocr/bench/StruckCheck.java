package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitNormalizer;
import id.pemilu.ocr.digit.StruckDetector;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.BoxSampler;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.reading.UnreadablePhoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link StruckDetector} says on the crossed-out forms an {@link IndependentBenchmark} run kept with
 * {@code --photos DIR}: per form the highest P(struck) among the boxes of the struck field, and how many of the other
 * written boxes it takes as struck. Measures only (issue 19). Run from the repository root:
 * {@code ocr-c1-reader/bench.sh run StruckCheck DIR...}.
 */
public final class StruckCheck {

    private StruckCheck() {
    }

    public static void main(String[] args) throws Exception {
        FormTemplates templates = FormTemplates.load();
        try (DigitClassifier classifier = DigitClassifier.load(); StruckDetector detector = StruckDetector.load();
             FormReader reader = new FormReader(templates, classifier, PrintedTextReader.none(), 1)) {
            for (String dir : args) {
                int forms = 0, caught = 0, plain = 0, falseAlarms = 0;
                List<Path> truths;
                try (var files = Files.list(Path.of(dir))) {
                    truths = files.filter(p -> p.toString().endsWith(".truth") && p.toString().contains("CROSSED_OUT"))
                            .sorted().toList();
                }
                for (Path truth : truths) {
                    String marked = Files.readAllLines(truth).get(0).substring("#marked=".length());
                    byte[] jpeg = Files.readAllBytes(Path.of(truth.toString().replace(".truth", ".jpg")));
                    FormReader.Analysis analysis;
                    try {
                        analysis = reader.analyse(PhotoDecoder.decode(jpeg));
                    } catch (UnreadablePhoto e) {
                        continue;
                    }
                    forms++;
                    double highest = 0;
                    for (int f = 0; f < analysis.template().fields().size(); f++) {
                        List<float[]> inputs = new ArrayList<>();
                        for (BoxSampler.BoxInk ink : analysis.boxes().get(f)) {
                            if (ink.inked()) {
                                inputs.add(DigitNormalizer.normalize(ink.ink()));
                            }
                        }
                        inputs.removeIf(Objects::isNull);
                        boolean struck = analysis.template().fields().get(f).key().equals(marked);
                        for (double p : detector.probabilities(inputs)) {
                            if (struck) {
                                highest = Math.max(highest, p);
                            } else {
                                plain++;
                                falseAlarms += p >= StruckDetector.THRESHOLD ? 1 : 0;
                            }
                        }
                    }
                    caught += highest >= StruckDetector.THRESHOLD ? 1 : 0;
                    System.out.printf("  %s struck field %s: highest P(struck) %.4f%n", truth.getFileName(), marked,
                            highest);
                }
                System.out.printf("%s: %d crossed-out forms read, the struck field caught on %d; of the %d other "
                        + "written boxes %d taken as struck%n", dir, forms, caught, plain, falseAlarms);
            }
        }
    }
}
