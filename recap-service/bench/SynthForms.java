import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N synthetic filled C.Hasil photos with ocr-c1-reader's synthesiser (one JVM, not one per photo), for the
 * perceptual-hash benchmark. Run by recap-service/bench/phash.sh from the repository root (the synthesiser reads
 * ocr-c1-reader/data/mnist). Arguments: OUT_DIR COUNT BALLOT DISTORTION FIRST_SEED.
 */
public class SynthForms {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String ballot = args[2];
        PhotoSimulator.Distortion distortion = PhotoSimulator.Distortion.valueOf(args[3]);
        long firstSeed = Long.parseLong(args[4]);
        Files.createDirectories(out);
        FormSynthesizer synthesizer = new FormSynthesizer(HandwrittenDigits.heldOut());
        var template = FormTemplates.load().get(ballot);
        for (int i = 0; i < count; i++) {
            // 8 TPS of one kelurahan: the header differs only in the TPS number, the hardest case for a page hash
            String tps = String.format("31.71.01.1001.%03d", 1 + i % 8);
            Path file = out.resolve(String.format("%s-%05d.jpg", ballot, i));
            if (Files.exists(file)) {
                continue;
            }
            var photo = synthesizer.synthesize(template, tps, firstSeed + i, distortion);
            Files.write(file, photo.jpeg());
            if (i % 100 == 0) {
                System.out.println(i + " " + file);
            }
        }
    }
}
