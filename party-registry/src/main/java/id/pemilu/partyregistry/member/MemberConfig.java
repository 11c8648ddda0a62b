package id.pemilu.partyregistry.member;

import id.pemilu.partyregistry.crypto.NikCipher;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MemberProperties.class)
class MemberConfig {

    @Bean
    NikCipher nikCipher(MemberProperties properties) {
        return new NikCipher(properties.nikEncryptionKey());
    }

    @Bean
    NikHasher nikHasher(@Value("${pemilu.nik.hmac-key}") String key) {
        return new NikHasher(key);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
