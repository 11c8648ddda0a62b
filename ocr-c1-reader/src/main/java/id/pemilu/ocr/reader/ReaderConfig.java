package id.pemilu.ocr.reader;

import id.pemilu.ocr.digit.DigitClassifier;
import id.pemilu.ocr.form.FormTemplates;
import id.pemilu.ocr.reading.FormReader;
import id.pemilu.ocr.reading.PrintedTextReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reader and what it needs, built once per process (one model, one Tesseract handle). */
@Configuration
class ReaderConfig {

    @Bean
    FormTemplates formTemplates() {
        return FormTemplates.load();
    }

    @Bean(destroyMethod = "close")
    DigitClassifier digitClassifier() {
        return DigitClassifier.load();
    }

    @Bean
    PrintedTextReader printedTextReader() {
        return PrintedTextReader.create();
    }

    @Bean(destroyMethod = "close")
    FormReader formReader(FormTemplates templates, DigitClassifier classifier, PrintedTextReader printed,
                          @Value("${pemilu.ocr.reader-threads:1}") int threads) {
        return new FormReader(templates, classifier, printed, threads);
    }
}
