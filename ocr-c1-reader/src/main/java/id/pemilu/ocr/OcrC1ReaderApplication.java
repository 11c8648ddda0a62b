package id.pemilu.ocr;

import id.pemilu.ocr.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads photographed C.Hasil forms: handwritten digits, form arithmetic, honest confidence. */
@SpringBootApplication
@EnableScheduling
public class OcrC1ReaderApplication {

    /** {@code read}, {@code render}, {@code synth}, {@code train} and {@code templates} run without the web server. */
    public static void main(String[] args) {
        if (CommandLine.handles(args)) {
            System.exit(CommandLine.run(args));
        }
        SpringApplication.run(OcrC1ReaderApplication.class, args);
    }
}
