package id.pemilu.recap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sirekap: C.Hasil submissions, arithmetic checks, tiered recap and reconciliation. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(RecapProperties.class)
public class RecapServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecapServiceApplication.class, args);
    }
}
