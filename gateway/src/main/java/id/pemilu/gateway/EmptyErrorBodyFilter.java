package id.pemilu.gateway;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An error the gateway answers itself with no body at all (the actuator's 404 for an unknown health group) gets the
 * same RFC 9457 problem as the errors {@link GatewayErrorProblems} handles. Answers relayed from a service (a route
 * was chosen) pass unchanged.
 */
class EmptyErrorBodyFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var decorated = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatus status = getStatusCode() == null ? null : HttpStatus.resolve(getStatusCode().value());
                boolean ownError = status != null && status.isError() && getHeaders().getContentType() == null
                        && exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null;
                if (!ownError || isCommitted()) {
                    return super.setComplete();
                }
                return Problems.write(exchange.mutate().response(getDelegate()).build(), status,
                        GatewayErrorProblems.title(status), GatewayErrorProblems.detail(null, status));
            }
        };
        return chain.filter(exchange.mutate().response(decorated).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
