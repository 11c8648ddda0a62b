package id.pemilu.gatewayprobe;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux endpoint that takes JSON only, outside the gateway's package (not scanned): imported by
 * {@code FrameworkProblemsTest} alone, so that WebFlux itself refuses another content type (415). The gateway has
 * no such endpoint on its public port today; the test shows that one would answer with a problem too.
 */
@RestController
public class ProbeController {

    @PostMapping(path = "/gateway-probe", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> probe(@RequestBody Map<String, Object> body) {
        return body;
    }
}
