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
        return synthesize(template, tpsCode, seed, distortion, null, null);
    }

    /** With the DPT (men, women) of the TPS as registered, when both are given. */
    public Synthesized synthesize(FormTemplate template, String tpsCode, long seed,
                                  PhotoSimulator.Distortion distortion, Integer dptMen, Integer dptWomen) {
        return synthesize(template, tpsCode, seed, distortion,
                random -> VoteGenerator.generate(template, random, dptMen, dptWomen));
    }

    /** With the numbers chosen by {@code values} (e.g. random digits in every box to train the classifier). */
    public Synthesized synthesize(FormTemplate template, String tpsCode, long seed,
                                  PhotoSimulator.Distortion distortion,
                                  java.util.function.Function<Random, Map<String, Integer>> values) {
        Random random = new Random(seed);
        Map<String, Integer> truth = values.apply(random);
        double scale = PhotoSimulator.pageScale(distortion, random);
        BufferedImage page = copy(blankPage(template, tpsCode, scale));
        boolean leadingZeros = random.nextDouble() < 0.25;
        FormFiller.fill(page, scale, template, truth, digits, leadingZeros, random);
        byte[] jpeg = PhotoSimulator.photograph(page, distortion, random);
        return new Synthesized(truth, jpeg, leadingZeros);
    }

    /** Rendering the PDF is the slow part: blank pages are kept (a few, least recently used dropped). */
    private final Map<String, BufferedImage> blanks = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
                    return size() > 12;
                }
            });

    private BufferedImage blankPage(FormTemplate template, String tpsCode, double scale) {
        String key = template.ballotType() + "|" + tpsCode + "|" + scale;
        BufferedImage blank = blanks.get(key);
        if (blank == null) {
            blank = FormRenderer.image(template, tpsCode, (float) (72 * scale));
            blanks.put(key, blank);
        }
        return blank;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return copy;
    }

    /**
     * The numbers written on the form (ground truth), the photo as JPEG bytes, and whether this officer filled the
     * leading boxes with 0 (then every box of a number holds a digit; otherwise the leading boxes are empty).
     */
    public record Synthesized(Map<String, Integer> truth, byte[] jpeg, boolean leadingZeros) {
    }
}
