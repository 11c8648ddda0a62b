package id.pemilu.recap.registry;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RegistryConfig {

    @Bean
    TpsRegistry tpsRegistry() {
        return new TpsRegistry();
    }

    /** Fills the registry before the web server opens, so no request sees it half loaded. */
    @Bean
    SmartInitializingSingleton registryStartup(RegistryLoader loader) {
        return () -> {
            try {
                loader.loadOrSeed();
            } catch (Exception e) {
                throw new IllegalStateException("TPS registry could not be loaded", e);
            }
        };
    }
}
