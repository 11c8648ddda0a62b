package id.pemilu.portal.results;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RecapServiceDownTest {

    @DynamicPropertySource
    static void nothingListens(DynamicPropertyRegistry registry) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;
        registry.add("pemilu.portal.recap-service-url", () -> "http://127.0.0.1:" + closed);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void citizenIsToldToRetryInsteadOfSeeingAnErrorPageOrStaleNumbers() throws Exception {
        mvc.perform(get("/hasil"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("Coba muat ulang")));
    }
}
