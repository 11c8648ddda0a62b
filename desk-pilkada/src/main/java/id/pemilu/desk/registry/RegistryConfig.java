package id.pemilu.desk.registry;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.kpu.KpuPublicApi;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class RegistryConfig {

    @Bean
    TpsDirectory tpsDirectory() {
        return new TpsDirectory();
    }

    @Bean
    RegistrySync registrySync(TpsDirectory directory, KpuPublicApi kpu, MongoTemplate mongo,
                              DeskProperties properties) {
        RegistrySync sync = new RegistrySync(directory, kpu, mongo, properties, Clock.systemUTC());
        sync.loadStored();
        return sync;
    }

    /** Ready once the TPS list is known (from the desk's store or from recap-service). */
    @Bean
    HealthIndicator tpsRegistryHealthIndicator(TpsDirectory directory) {
        return () -> directory.loaded()
                ? Health.up().withDetail("tps", directory.size()).build()
                : Health.outOfService().withDetail("reason", "Daftar TPS belum dibaca dari recap-service").build();
    }
}
