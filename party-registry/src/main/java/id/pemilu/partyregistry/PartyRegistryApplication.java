package id.pemilu.partyregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sipol: party registration, member verification and the citizen NIK check. */
@SpringBootApplication
@EnableScheduling
public class PartyRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartyRegistryApplication.class, args);
    }
}
