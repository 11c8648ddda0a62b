package id.pemilu.portal.backend;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads one public JSON resource of a service; 404 becomes {@code null}, anything else unexpected an outage. */
final class PublicReads {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private PublicReads() {
    }

    static Map<String, Object> object(RestClient client, String service, String path, Object... variables) {
        try {
            return client.get().uri(path, variables).exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return null;
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new BackendUnavailable(service, null);
                }
                return response.bodyTo(JSON_OBJECT);
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable(service, e);
        }
    }

    static Object any(RestClient client, String service, String path, Object... variables) {
        try {
            return client.get().uri(path, variables).exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return null;
                }
                if (!response.getStatusCode().is2xxSuccessful()) {
                    throw new BackendUnavailable(service, null);
                }
                return response.bodyTo(Object.class);
            });
        } catch (RestClientException e) {
            throw new BackendUnavailable(service, e);
        }
    }
}
