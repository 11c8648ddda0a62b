package id.pemilu.candidates.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.MovableClock;
import id.pemilu.common.web.ClientAddress;
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
    void theForwardedAddressIsBelievedOnlyWithTheGatewayKey() {
        ClientAddress clients = new ClientAddress("test-gateway-key");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("127.0.0.1");
        request.addHeader("X-Forwarded-For", "203.0.113.7");
        assertThat(clients.of(request)).as("a direct caller's own X-Forwarded-For is not believed")
                .isEqualTo("127.0.0.1");
        request.addHeader(ClientAddress.GATEWAY_KEY_HEADER, "wrong-key");
        assertThat(clients.of(request)).isEqualTo("127.0.0.1");
        MockHttpServletRequest viaGateway = new MockHttpServletRequest();
        viaGateway.setRemoteAddr("127.0.0.1");
        viaGateway.addHeader("X-Forwarded-For", "203.0.113.7");
        viaGateway.addHeader(ClientAddress.GATEWAY_KEY_HEADER, "test-gateway-key");
        assertThat(clients.of(viaGateway)).isEqualTo("203.0.113.7");
    }
}
