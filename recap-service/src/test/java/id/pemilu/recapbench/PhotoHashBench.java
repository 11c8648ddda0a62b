package id.pemilu.recapbench;

import id.pemilu.recap.photohash.PerceptualHash;
import id.pemilu.recap.photohash.Variants;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Measures the perceptual hash: false matches among different synthetic forms of one template (every pair) and true
 * matches between a photo and its variants. Arguments: DIR_OF_FORMS [VARIANT_SOURCES=100]. See bench/phash.sh.
 */
public final class PhotoHashBench {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int variantSources = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        List<long[]> hashes = new ArrayList<>();
        List<BufferedImage> sources = new ArrayList<>();
        long hashNanos = 0;
        int noHash = 0;
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            long t = System.nanoTime();
            var hash = PerceptualHash.of(image);
            hashNanos += System.nanoTime() - t;
            if (hash.isEmpty()) {
                noHash++;
                continue;
            }
            hashes.add(hash.get());
            if (sources.size() < variantSources) {
                sources.add(image);
            }
        }
        int n = hashes.size();
        int[] pairHistogram = new int[PerceptualHash.BITS + 1];
        long pairs = 0;
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = PerceptualHash.distance(hashes.get(i), hashes.get(j));
                pairHistogram[d]++;
                pairs++;
                min = Math.min(min, d);
            }
        }
        System.out.printf("forms: %d photos (%d without hash), %d pairs of different forms; hash %.1f ms/photo%n",
                files.size(), noHash, pairs, hashNanos / 1e6 / Math.max(1, files.size()));
        System.out.printf("different forms: min distance %d, p0.01 %d, p1 %d, p50 %d (of %d bits)%n", min,
                percentile(pairHistogram, pairs, 0.0001), percentile(pairHistogram, pairs, 0.01),
                percentile(pairHistogram, pairs, 0.5), PerceptualHash.BITS);
        Map<String, int[]> byVariant = new TreeMap<>();
        int[] variantHistogram = new int[PerceptualHash.BITS + 1];
        int variantCount = 0;
        int variantNoHash = 0;
        for (int i = 0; i < sources.size(); i++) {
            long[] original = hashes.get(i);
            for (Variants.Variant v : Variants.all()) {
                var h = PerceptualHash.of(v.apply().apply(sources.get(i)));
                if (h.isEmpty()) {
                    variantNoHash++;
                    continue;
                }
                int d = PerceptualHash.distance(original, h.get());
                variantHistogram[d]++;
                variantCount++;
                int[] stats = byVariant.computeIfAbsent(v.name(), k -> new int[] {0, 0, Integer.MAX_VALUE});
                stats[0] = Math.max(stats[0], d);
                stats[1] += d;
                stats[2] = Math.min(stats[2], d);
            }
        }
        System.out.printf("variants: %d (of %d sources; %d without hash)%n", variantCount, sources.size(),
                variantNoHash);
        for (var e : byVariant.entrySet()) {
            System.out.printf("  %-28s distance min %3d  mean %5.1f  max %3d%n", e.getKey(), e.getValue()[2],
                    e.getValue()[1] / (double) sources.size(), e.getValue()[0]);
        }
        System.out.println("threshold  false-match rate (pairs of different forms)  true-match rate (variants)");
        long falseCum = 0;
        long trueCum = 0;
        for (int t = 0; t <= PerceptualHash.BITS; t++) {
            falseCum += pairHistogram[t];
            trueCum += variantHistogram[t];
            boolean interesting = falseCum < pairs || trueCum < variantCount;
            if (interesting && t % STEP == 0 && t <= 120 || t == THRESHOLD) {
                System.out.printf("%4d%s      %d / %d = %.6f      %d / %d = %.4f%n", t,
                        t == THRESHOLD ? "*" : " ", falseCum, pairs,
                        falseCum / (double) Math.max(1, pairs), trueCum, variantCount,
                        trueCum / (double) Math.max(1, variantCount));
            }
        }
        System.out.println("* = the threshold in use (pemilu.recap.similar-photo-distance default)");
    }

    private static final int STEP = Integer.getInteger("step", 2);
    /** The service's default (pemilu.recap.similar-photo-distance), marked in the table. */
    private static final int THRESHOLD = Integer.getInteger("threshold", id.pemilu.recap.photohash.PhotoHashes.DEFAULT_DISTANCE);

    private static int percentile(int[] histogram, long total, double share) {
        long cum = 0;
        for (int d = 0; d < histogram.length; d++) {
            cum += histogram[d];
            if (cum > total * share) {
                return d;
            }
        }
        return histogram.length - 1;
    }

}
