package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.domain.DomainException;
import id.pemilu.common.domain.DomainException.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The web layer alone decides how a domain refusal looks over HTTP. */
class DomainProblemsTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void eachKindOfRefusalHasItsStatusAndTitle() {
        Map<Kind, Integer> expected = Map.of(Kind.NOT_FOUND, 404, Kind.CONFLICT, 409, Kind.INVALID, 400,
                Kind.RULES_FAILED, 422, Kind.NOT_PERMITTED, 403, Kind.TOO_LARGE, 413, Kind.UNSUPPORTED_CONTENT, 415,
                Kind.LIMIT_REACHED, 429, Kind.UNAVAILABLE, 503);
        for (Kind kind : Kind.values()) {
            ResponseEntity<ProblemDetail> answer = advice.domain(new DomainException(kind, "alasan " + kind));
            assertThat(answer.getStatusCode().value()).as(kind.name()).isEqualTo(expected.get(kind));
            assertThat(answer.getBody().getDetail()).isEqualTo("alasan " + kind);
            assertThat(answer.getBody().getTitle()).isNotBlank();
            assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        }
    }

    @Test
    void aLimitReachedWithARetryAfterGetsTheHeader() {
        ResponseEntity<ProblemDetail> answer = advice.domain(new DomainException(Kind.LIMIT_REACHED,
                "Terlalu banyak laporan", "coba lagi nanti", Map.of(ProblemAdvice.RETRY_AFTER, 42)));
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
        assertThat(answer.getBody().getTitle()).isEqualTo("Terlalu banyak laporan");
    }

    @Test
    void aTitleAndDetailsChosenByTheDomainAreKept() {
        DomainException refusal = new DomainException(Kind.RULES_FAILED, "Perlu alasan tertulis", "jumlah tidak cocok",
                Map.of("flags", List.of(Map.of("code", "SUM"))));
        ProblemDetail body = advice.domain(refusal).getBody();
        assertThat(body.getTitle()).isEqualTo("Perlu alasan tertulis");
        assertThat(body.getProperties()).containsEntry("flags", List.of(Map.of("code", "SUM")));
    }
}
