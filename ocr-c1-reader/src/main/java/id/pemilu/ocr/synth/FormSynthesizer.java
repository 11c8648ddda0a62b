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
        return synthesize(template, tpsCode, seed, distortion, values, Writing.TRAINING, Officer.CAREFUL);
    }

    /**
     * What the officer did besides writing the numbers: nothing, mis-added one sum (the total of one rule written
     * off by 1-10: the numbers as written do not add up), or struck out one digit written wrong and wrote the right
     * one over it.
     */
    public enum Officer { CAREFUL, MIS_ADDED, CROSSED_OUT }

    /**
     * With this officer's writing and habits. The truth is what is written: on a mis-added form the numbers that do
     * not add up; on a crossed-out form the number meant (the field must be flagged, see {@link Synthesized#marked}).
     */
    public Synthesized synthesize(FormTemplate template, String tpsCode, long seed,
                                  PhotoSimulator.Distortion distortion,
                                  java.util.function.Function<Random, Map<String, Integer>> values, Writing writing,
                                  Officer officer) {
        Random random = new Random(seed);
        Map<String, Integer> truth = values.apply(random);
        String marked = null;
        if (officer == Officer.MIS_ADDED) {
            truth = new java.util.LinkedHashMap<>(truth);
            marked = misAdd(template, truth, random);
        }
        double scale = PhotoSimulator.pageScale(distortion, random);
        BufferedImage page = copy(blankPage(template, tpsCode, scale));
        boolean leadingZeros = random.nextDouble() < 0.25;
        if (officer == Officer.CROSSED_OUT) {
            java.util.List<String> keys = new java.util.ArrayList<>(truth.keySet());
            marked = keys.get(random.nextInt(keys.size()));
        }
        FormFiller.fill(page, scale, template, truth, digits, leadingZeros, random, writing,
                officer == Officer.CROSSED_OUT ? marked : null);
        byte[] jpeg = PhotoSimulator.photograph(page, distortion, random);
        return new Synthesized(truth, jpeg, leadingZeros, marked);
    }

    /**
     * A training photo for {@code StruckDetector} (issue 19, fourteenth round): a careful officer's form on which each
     * field is, with probability {@code share}, crossed out as {@link Officer#CROSSED_OUT} crosses out its one field
     * (a digit written wrong, struck through, the right one written over it). Returns the photo and, per struck
     * field, the index of the struck box in the field's boxes.
     */
    public StruckPhoto synthesizeStruck(FormTemplate template, String tpsCode, long seed,
                                        PhotoSimulator.Distortion distortion,
                                        java.util.function.Function<Random, Map<String, Integer>> values,
                                        Writing writing, double share) {
        Random random = new Random(seed);
        Map<String, Integer> truth = values.apply(random);
        double scale = PhotoSimulator.pageScale(distortion, random);
        BufferedImage page = copy(blankPage(template, tpsCode, scale));
        boolean leadingZeros = random.nextDouble() < 0.25;
        java.util.Set<String> crossed = new java.util.HashSet<>();
        for (String key : truth.keySet()) {
            if (random.nextDouble() < share) {
                crossed.add(key);
            }
        }
        Map<String, Integer> struck = FormFiller.fillStruck(page, scale, template, truth, digits, leadingZeros,
                random, writing, crossed);
        byte[] jpeg = PhotoSimulator.photograph(page, distortion, random);
        return new StruckPhoto(new Synthesized(truth, jpeg, leadingZeros), struck);
    }

    /** A photo of {@link #synthesizeStruck} and, per struck field, the index of its struck box. */
    public record StruckPhoto(Synthesized photo, Map<String, Integer> struckBoxes) {
    }

    /** Writes the total of one rule off by 1-10 (kept within 0-999); returns its key. */
    public static String misAdd(FormTemplate template, Map<String, Integer> values, Random random) {
        FormTemplate.Rule rule = template.rules().get(random.nextInt(template.rules().size()));
        String key = rule.equals();
        int value = values.get(key);
        int delta = (1 + random.nextInt(10)) * (random.nextBoolean() ? 1 : -1);
        if (value + delta < 0 || value + delta > 999) {
            delta = -delta;
        }
        values.put(key, value + delta);
        return key;
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
     * The numbers written on the form (ground truth), the photo as JPEG bytes, whether this officer filled the
     * leading boxes with 0 (then every box of a number holds a digit; otherwise the leading boxes are empty), and the
     * field the officer mis-added or crossed out (null on a careful officer's form).
     */
    public record Synthesized(Map<String, Integer> truth, byte[] jpeg, boolean leadingZeros, String marked) {

        public Synthesized(Map<String, Integer> truth, byte[] jpeg, boolean leadingZeros) {
            this(truth, jpeg, leadingZeros, null);
        }
    }
}
