package id.pemilu.desk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Desk Pilkada: the local government's quick, unofficial report of Pilkada results per TPS, kept apart from KPU's
 * count (own database, no event bus) and shown beside it only as a comparison.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(DeskProperties.class)
public class DeskPilkadaApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskPilkadaApplication.class, args);
    }
}
