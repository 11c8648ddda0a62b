package id.pemilu.candidates.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class FeedbackRateLimiterTest {

    @Test
    void eachClientGetsAFixedNumberOfFeedbacksPerMinute() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:00Z"));
        FeedbackRateLimiter limiter = new FeedbackRateLimiter(3, clock);
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2")).as("another client is not affected").isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
    }

    @Test
    void feedbackTextsThatDifferOnlyInCaseSpacingOrPunctuationAreTheSame() {
        assertThat(FeedbackService.normalize("Calon ini  PERNAH dihukum!"))
                .isEqualTo(FeedbackService.normalize("calon ini pernah dihukum"));
        assertThat(FeedbackService.normalize("calon ini pernah dihukum"))
                .isNotEqualTo(FeedbackService.normalize("calon ini tidak pernah dihukum"));
    }

    @Test
    void theClientIsTheAddressOurGatewayAppendedNotOneTheCallerWroteItself() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.9.9.9");
        assertThat(FeedbackController.clientOf(request)).isEqualTo("10.9.9.9");
        request.addHeader("X-Forwarded-For", "1.2.3.4, 203.0.113.7");
        assertThat(FeedbackController.clientOf(request)).isEqualTo("203.0.113.7");
    }
}
