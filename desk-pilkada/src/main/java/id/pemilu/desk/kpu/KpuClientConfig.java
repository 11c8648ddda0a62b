package id.pemilu.desk.kpu;

import id.pemilu.desk.DeskProperties;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration
class KpuClientConfig {

    @Bean
    KpuPublicApi kpuPublicApi(RestClient.Builder builder, DeskProperties properties) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.recapTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.recapTimeout());
        return new KpuPublicApi(builder.clone().baseUrl(properties.recapServiceUrl()).requestFactory(factory).build());
    }
}
