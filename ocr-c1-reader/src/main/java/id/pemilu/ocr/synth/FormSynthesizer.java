package id.pemilu.ocr.synth;

import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/** A filled C.Hasil page photographed by a phone: consistent numbers, handwritten digits, simulated photo. */
public final class FormSynthesizer {

    private final HandwrittenDigits digits;

    public FormSynthesizer(HandwrittenDigits digits) {
        this.digits = digits;
    }

    public Synthesized synthesize(FormTemplate template, String tpsCode, long seed,
                                  PhotoSimulator.Distortion distortion) {
        Random random = new Random(seed);
        Map<String, Integer> truth = VoteGenerator.generate(template, random);
        double scale = PhotoSimulator.pageScale(distortion, random);
        BufferedImage page = FormRenderer.image(template, tpsCode, (float) (72 * scale));
        FormFiller.fill(page, scale, template, truth, digits, random.nextDouble() < 0.25, random);
        byte[] jpeg = PhotoSimulator.photograph(page, distortion, random);
        return new Synthesized(truth, jpeg);
    }

    /** The numbers written on the form (ground truth) and the photo as JPEG bytes. */
    public record Synthesized(Map<String, Integer> truth, byte[] jpeg) {
    }
}
