package id.pemilu.common.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Runs {@link ProductionSecrets#check} as the context starts: a production service with a dev key does not start. */
@AutoConfiguration
public class ProductionSecretsAutoConfiguration {

    @Bean
    Object productionSecretsChecked(Environment environment) {
        ProductionSecrets.check(environment);
        return Boolean.TRUE;
    }
}
