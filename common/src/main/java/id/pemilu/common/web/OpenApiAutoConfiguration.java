package id.pemilu.common.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * API docs describe the service as reached through the gateway (relative server URL), with the Keycloak bearer token
 * as the security scheme, so "Try it out" on the gateway's aggregated docs page goes through the gateway.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI pemiluOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "pemilu");
        return new OpenAPI()
                .info(new Info().title(name).version("0.1.0")
                        .description("Pemilu suite - " + name + ". Anonymous endpoints live under /api/*/public/**."))
                .servers(List.of(new Server().url("/").description("through the gateway")))
                .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
