package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.DigitTrainer;
import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.PageLocator;
import id.pemilu.ocr.reading.PhotoDecoder;
import id.pemilu.ocr.reading.UnreadablePhoto;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds synthesised photos whose page cannot be located (QR or corner markers) and keeps them for study, with seeds
 * apart from the benchmark's (validation digits): {@code --forms 300 --seed 9000000 --out target/refused}.
 */
public final class RefusalProbe {

    private RefusalProbe() {
    }

    public static void main(String[] args) throws Exception {
        int forms = 300;
        long seed = 9_000_000;
        Path out = Path.of("ocr-c1-reader/target/refused");
        int threads = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--forms" -> forms = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        FormTemplates templates = FormTemplates.load();
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        FormSynthesizer synthesizer = new FormSynthesizer(
                new HandwrittenDigits(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT));
        PageLocator locator = new PageLocator(templates);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        long first = seed;
        Path dir = out;
        for (int n = 0; n < forms; n++) {
            int i = n;
            pool.submit(() -> {
                FormTemplate template = templates.all().get(i % templates.all().size());
                String tps = String.format("31.71.04.4004.%03d", 1 + i % 50);
                FormSynthesizer.Synthesized photo = synthesizer.synthesize(template, tps, first + i,
                        PhotoSimulator.Distortion.ALL);
                try {
                    locator.locate(PhotoDecoder.decode(photo.jpeg()));
                } catch (UnreadablePhoto e) {
                    refused.incrementAndGet();
                    Path file = dir.resolve("refused-" + (first + i) + ".jpg");
                    try {
                        Files.write(file, photo.jpeg());
                    } catch (java.io.IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                    System.out.printf("refused: form %d seed %d (%s): %s -> %s%n", i, first + i,
                            template.ballotType(), e.getMessage(), file);
                }
                if (done.incrementAndGet() % 50 == 0) {
                    System.out.printf("  %d forms, %d refused%n", done.get(), refused.get());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.DAYS);
        System.out.printf("%d forms, %d refused%n", forms, refused.get());
    }
}
