package id.pemilu.ocr.digit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The MNIST training set in IDX format (gzipped), as kept in {@code data/mnist/}. Images are 28x28, 0 = background,
 * 255 = ink.
 */
public record MnistFile(byte[] pixels, byte[] labels, int count) {

    public static final int SIDE = 28;
    /** Digits 0..49,999 train the classifier; 50,000..59,999 are held out for tests and the benchmark. */
    public static final int FIRST_HELD_OUT = 50_000;

    public static MnistFile load(Path directory) throws IOException {
        byte[] images = readGz(directory.resolve("train-images-idx3-ubyte.gz"), 2051, 16);
        byte[] labels = readGz(directory.resolve("train-labels-idx1-ubyte.gz"), 2049, 8);
        return new MnistFile(images, labels, labels.length);
    }

    /** Finds {@code data/mnist} from the repository root or the module directory. */
    public static Path defaultDirectory() {
        for (String candidate : new String[] {"ocr-c1-reader/data/mnist", "data/mnist", "../ocr-c1-reader/data/mnist"}) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        throw new IllegalStateException("MNIST directory data/mnist not found from " + Path.of("").toAbsolutePath());
    }

    public int label(int index) {
        return labels[index];
    }

    /** Ink map of one digit, values 0..1. */
    public float[][] ink(int index) {
        float[][] ink = new float[SIDE][SIDE];
        int offset = index * SIDE * SIDE;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                ink[y][x] = (pixels[offset + y * SIDE + x] & 0xff) / 255f;
            }
        }
        return ink;
    }

    private static byte[] readGz(Path file, int magic, int headerBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             DataInputStream data = new DataInputStream(in)) {
            int actualMagic = data.readInt();
            if (actualMagic != magic) {
                throw new IOException("Not an IDX file with magic " + magic + ": " + file);
            }
            data.skipNBytes(headerBytes - 4);
            return data.readAllBytes();
        }
    }
}
