package id.pemilu.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.domain.DomainException;
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
        DurableWritesFilter filter = new DurableWritesFilter(() -> seenAtCommit.add(contentOf(response)),
                StoreSpace.ALWAYS);
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

    /** A handler that committed after its last write on this thread is answered without a second commit. */
    @Test
    void aHandlerThatCommittedAfterItsLastWriteIsNotCommittedAgain() throws Exception {
        for (boolean covered : new boolean[] {true, false}) {
            List<String> ran = new ArrayList<>();
            id.pemilu.common.mongo.StoreDurability durability = new id.pemilu.common.mongo.StoreDurability() {
                @Override
                public void commit() {
                    ran.add("commit");
                }

                @Override
                public boolean coversThisThread() {
                    return covered;
                }

                @Override
                public void forgetThisThread() {
                    ran.add("forget");
                }
            };
            MockHttpServletResponse response = new MockHttpServletResponse();
            new DurableWritesFilter(durability, StoreSpace.ALWAYS).doFilter(
                    new MockHttpServletRequest("POST", "/api/recap/tps/x/confirm"), response, answering201(ran));
            assertThat(ran).as("covered %s", covered).isEqualTo(covered ? List.of("forget", "controller")
                    : List.of("forget", "controller", "commit"));
            assertThat(response.getStatus()).isEqualTo(201);
        }
    }

    static MockFilterChain answering201(List<String> ran) {
        return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                                   jakarta.servlet.http.HttpServletResponse res) throws java.io.IOException {
                ran.add("controller");
                res.setStatus(201);
                res.getWriter().write("{\"status\":\"submitted\"}");
            }
        });
    }

    /** The disk failed between the write and its commit: the held 201 must not reach the client. */
    @Test
    void aWriteWhoseCommitFailsIsAnswered503NeverTheHeldSuccess() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        DurableWritesFilter filter = new DurableWritesFilter(() -> {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "disk full");
        }, StoreSpace.ALWAYS);
        List<String> ran = new ArrayList<>();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/recap/tps/x/confirm"), response, answering201(ran));
        assertThat(ran).containsExactly("controller");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).contains("Penyimpanan tidak tersedia").doesNotContain("submitted");
    }

    @Test
    void whileTheStoreCannotTakeWritesAChangingRequestIsRefusedBeforeItRuns() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> ran = new ArrayList<>();
        DurableWritesFilter filter = new DurableWritesFilter(() -> ran.add("commit"), () -> "Disk penuh.");
        filter.doFilter(new MockHttpServletRequest("POST", "/api/recap/tps/x/confirm"), response, answering201(ran));
        assertThat(ran).as("neither the controller nor a commit ran").isEmpty();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).contains("Disk penuh.");
        MockHttpServletResponse read = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/recap/public/totals"), read, new MockFilterChain());
        assertThat(read.getStatus()).as("reads go on").isEqualTo(200);
    }

    @Test
    void readsAreNotHeldBack() throws Exception {
        List<String> commits = new ArrayList<>();
        DurableWritesFilter filter = new DurableWritesFilter(() -> commits.add("commit"), StoreSpace.ALWAYS);
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
