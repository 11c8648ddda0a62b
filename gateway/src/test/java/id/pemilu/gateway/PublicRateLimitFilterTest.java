package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** Which anonymous calls take from which bucket (small limits, so that both run out within the test). */
class PublicRateLimitFilterTest {

    private final PublicRateLimitFilter filter = new PublicRateLimitFilter(new RateLimitProperties(0.001, 2,
            new RateLimitProperties.Reads(0.001, 3, List.of("/api/recap/public/totals", "/api/recap/public/tps/*"))));

    @Test
    void publicReadsHaveTheirOwnBucketPerAddressAndItStillEnds() {
        assertThat(statuses(MockServerHttpRequest.get("/api/recap/public/totals?region=31"), "10.0.0.1", 4))
                .containsExactly(null, null, null, HttpStatus.TOO_MANY_REQUESTS);
        // another address has its own
        assertThat(statuses(MockServerHttpRequest.get("/api/recap/public/tps/31.71.01.1001.001"), "10.0.0.2", 1))
                .containsExactly((HttpStatus) null);
    }

    @Test
    void readsDoNotUseUpTheAddressesOtherCallsNorTheOtherWayRound() {
        statuses(MockServerHttpRequest.get("/api/recap/public/totals"), "10.0.0.3", 3);
        assertThat(statuses(MockServerHttpRequest.post("/api/members/public/nik-check"), "10.0.0.3", 3))
                .containsExactly(null, null, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(statuses(MockServerHttpRequest.get("/api/recap/public/totals"), "10.0.0.4", 3))
                .containsOnlyNulls();
    }

    @Test
    void aWriteOrAnUnlistedPathOnAReadPathIsNotARead() {
        // POST on a TPS's reports, a GET below a listed path, a download: the small bucket (2)
        assertThat(statuses(MockServerHttpRequest.post("/api/recap/public/tps/31.71.01.1001.001"), "10.0.0.5", 3))
                .containsExactly(null, null, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(statuses(MockServerHttpRequest.get("/api/recap/public/tps/31.71.01.1001.001/reports"), "10.0.0.6",
                3)).containsExactly(null, null, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(statuses(MockServerHttpRequest.get("/api/recap/public/download"), "10.0.0.7", 3))
                .containsExactly(null, null, HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theDefaultsGiveReadsAMuchLargerBucket() {
        RateLimitProperties.Reads reads = new RateLimitProperties.Reads(0, 0, null);
        assertThat(reads.perSecond()).isEqualTo(5_000);
        assertThat(reads.burst()).isEqualTo(10_000);
    }

    /** The status each of {@code n} identical calls from {@code address} got (null: passed on to the chain). */
    private HttpStatus[] statuses(MockServerHttpRequest.BaseBuilder<?> request, String address, int n) {
        HttpStatus[] out = new HttpStatus[n];
        for (int i = 0; i < n; i++) {
            MockServerWebExchange exchange = MockServerWebExchange.from(
                    request.remoteAddress(new InetSocketAddress(address, 40_000)));
            boolean[] passed = {false};
            filter.filter(exchange, e -> {
                passed[0] = true;
                return Mono.empty();
            }).block();
            out[i] = passed[0] ? null : HttpStatus.resolve(exchange.getResponse().getStatusCode().value());
        }
        return out;
    }
}
