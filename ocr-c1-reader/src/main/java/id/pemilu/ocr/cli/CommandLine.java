package id.pemilu.ocr.cli;

import ch.qos.logback.classic.Level;
import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.digit.DigitTrainer;
import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.form.TemplateGenerator;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PrintedTextReader;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.HandwrittenDigits;
import id.pemilu.ocr.synth.PhotoSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands run from the built jar without starting the web server:
 * {@code read FILE...}, {@code render}, {@code synth}, {@code train}, {@code templates}.
 */
public final class CommandLine {

    public static final Set<String> COMMANDS = Set.of("read", "render", "synth", "train", "train-struck", "templates",
            "help");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        quietLogs();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "read" -> read(rest);
                case "render" -> render(options(rest));
                case "synth" -> synth(options(rest));
                case "train" -> DigitTrainer.main(rest);
                case "train-struck" -> id.pemilu.ocr.digit.StruckTrainer.main(rest);
                case "templates" -> TemplateGenerator.main(rest);
                default -> usage();
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("galat: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("galat: " + e.getMessage());
            return 1;
        }
    }

    private static void read(String[] files) throws IOException {
        if (files.length == 0) {
            throw new IllegalArgumentException("sebutkan berkas foto: read FILE...");
        }
        try (DigitClassifier classifier = DigitClassifier.load();
             FormReader reader = new FormReader(FormTemplates.load(), classifier, PrintedTextReader.create(), 1)) {
            for (String file : files) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", file);
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    line.put("outcome", "UNREADABLE");
                    line.put("reason", "berkas tidak ditemukan");
                } else if (Files.size(path) > 64L * 1024 * 1024) {
                    line.put("outcome", "UNREADABLE");
                    line.put("reason", "berkas terlalu besar (maksimal 15 MB): kecilkan ukuran foto");
                } else {
                    line.put("reading", reader.read(Files.readAllBytes(path)));
                }
                System.out.println(JSON.writeValueAsString(line));
            }
        }
    }

    private static void render(Map<String, String> options) throws IOException {
        String ballot = required(options, "ballot");
        String tps = required(options, "tps");
        Path out = Path.of(required(options, "out"));
        byte[] pdf = FormRenderer.pdf(FormTemplates.load().get(ballot), tps);
        write(out, pdf);
        System.out.println("formulir kosong C.Hasil-" + ballot + " untuk TPS " + tps + " ditulis ke " + out);
    }

    private static void synth(Map<String, String> options) throws IOException {
        String ballot = required(options, "ballot");
        String tps = required(options, "tps");
        Path out = Path.of(required(options, "out"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        PhotoSimulator.Distortion distortion;
        try {
            distortion = PhotoSimulator.Distortion.valueOf(options.getOrDefault("distortion", "ALL").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("distorsi tidak dikenal; pilih salah satu: "
                    + Arrays.toString(PhotoSimulator.Distortion.values()));
        }
        FormSynthesizer synthesizer = new FormSynthesizer(HandwrittenDigits.heldOut());
        Integer dptMen = options.containsKey("dpt-men") ? Integer.valueOf(options.get("dpt-men")) : null;
        Integer dptWomen = options.containsKey("dpt-women") ? Integer.valueOf(options.get("dpt-women")) : null;
        FormSynthesizer.Synthesized photo = synthesizer.synthesize(FormTemplates.load().get(ballot), tps, seed,
                distortion, dptMen, dptWomen);
        write(out, photo.jpeg());
        if (options.containsKey("truth")) {
            Map<String, Object> truth = new LinkedHashMap<>();
            truth.put("ballotType", ballot);
            truth.put("tpsCode", tps);
            truth.put("seed", seed);
            truth.put("distortion", distortion.name());
            truth.put("values", photo.truth());
            write(Path.of(options.get("truth")), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(truth));
        }
        System.out.println("foto sintetis C.Hasil-" + ballot + " untuk TPS " + tps + " (seed " + seed + ", distorsi "
                + distortion + ") ditulis ke " + out);
    }

    private static void write(Path out, byte[] bytes) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("argumen tidak dikenal: " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("opsi --" + name + " membutuhkan nilai");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("opsi --" + name + " wajib diisi");
        }
        return value;
    }

    private static void usage() {
        for (String line : List.of("Perintah:",
                "  read FILE...                                   baca foto C.Hasil, satu JSON per berkas",
                "  render --tps KODE --ballot JENIS --out F.pdf   cetak formulir kosong (PDF dengan kode QR)",
                "  synth --tps KODE --ballot JENIS --seed N --out F.jpg [--truth F.json] [--distortion ALL]"
                        + " [--dpt-men L --dpt-women P]",
                "  train [--epochs 7] [--out PATH]                latih ulang pengenal angka (seed tetap)",
                "  train-struck [--forms 160] [--epochs 3]        latih pengenal kotak yang dicoret",
                "  templates [DIR]                                tulis ulang templat JSON",
                "Jenis surat suara: " + String.join(", ", FormTemplates.BALLOT_TYPES))) {
            System.out.println(line);
        }
    }

    private static void quietLogs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
            // the answer is JSON on standard output: warnings (e.g. no Tesseract language data) go to standard error
            root.iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof ch.qos.logback.core.ConsoleAppender<?> console) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            });
        }
        if (LoggerFactory.getLogger("org.apache.pdfbox") instanceof ch.qos.logback.classic.Logger pdfbox) {
            pdfbox.setLevel(Level.ERROR);
        }
        if (LoggerFactory.getLogger("ai.djl") instanceof ch.qos.logback.classic.Logger djl) {
            djl.setLevel(Level.ERROR);
        }
    }
}
