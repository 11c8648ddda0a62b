package id.pemilu.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pemilu dalam genggaman: the public portal. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(PortalProperties.class)
public class VoterPortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(VoterPortalApplication.class, args);
    }
}
