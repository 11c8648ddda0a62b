package id.pemilu.recapbench;

import id.pemilu.recap.RecapServiceApplication;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * recap-service for the benchmark: the real application, except that it accepts the benchmark's dev-only HS256
 * tokens instead of Keycloak's (so the benchmark needs no Keycloak). Test classpath only; never shipped.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) {
        SpringApplication app = "1".equals(System.getenv("BENCH_FLOOR"))
                // the HTTP path's ceiling: also a confirmation that stores nothing (FloorController)
                ? new SpringApplication(RecapServiceApplication.class, BenchJwt.class, floorController())
                : "1".equals(System.getenv("BENCH_COMMAND_STATS"))
                ? new SpringApplication(RecapServiceApplication.class, BenchJwt.class, CommandTally.class)
                : new SpringApplication(RecapServiceApplication.class, BenchJwt.class);
        app.run(args);
    }

    private static Class<?> floorController() {
        try {
            return Class.forName("id.pemilu.recap.result.FloorController");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration
    static class BenchJwt {

        @Bean
        JwtDecoder benchJwtDecoder() {
            SecretKeySpec key = new SecretKeySpec(BenchTokens.DEV_ONLY_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256");
            return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        }
    }
}
