package id.pemilu.candidates.nomination;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NominationRequirements.class)
class NominationConfig {

    @Bean
    NominationRules nominationRules(NominationRequirements requirements) {
        return new NominationRules(requirements);
    }
}
