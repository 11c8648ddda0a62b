package id.pemilu.ocr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads photographed C.Hasil forms: handwritten digits, form arithmetic, honest confidence. */
@SpringBootApplication
@EnableScheduling
public class OcrC1ReaderApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcrC1ReaderApplication.class, args);
    }
}
