package id.pemilu.partyregistry.citizen;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(NikCheckProperties.class)
class CitizenConfig {
}
