package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DurableWritesFilterTest {

    @Test
    void theAnswerToAWriteLeavesOnlyAfterTheStoreCommitted() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> seenAtCommit = new ArrayList<>();
        DurableWritesFilter filter = new DurableWritesFilter(() -> seenAtCommit.add(contentOf(response)));
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                res.setStatus(201);
                res.getWriter().write("{\"status\":\"submitted\"}");
            }
        });
        filter.doFilter(new MockHttpServletRequest("POST", "/api/recap/tps/x/confirm"), response, chain);
        assertThat(seenAtCommit).as("nothing reached the client before the commit").containsExactly("");
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"submitted\"}");
    }

    @Test
    void readsAreNotHeldBack() throws Exception {
        List<String> commits = new ArrayList<>();
        DurableWritesFilter filter = new DurableWritesFilter(() -> commits.add("commit"));
        filter.doFilter(new MockHttpServletRequest("GET", "/api/recap/public/totals"), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(commits).isEmpty();
    }

    private static String contentOf(MockHttpServletResponse response) {
        try {
            return response.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
