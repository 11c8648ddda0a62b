package id.pemilu.recap.determination;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DeterminationProperties.class)
class DeterminationConfig {

    @Bean
    DeterminationRules determinationRules(DeterminationProperties properties) {
        return new DeterminationRules(new TieBreak(properties.seed()));
    }
}
