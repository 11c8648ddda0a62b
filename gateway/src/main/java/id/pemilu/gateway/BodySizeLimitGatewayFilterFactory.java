package id.pemilu.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Route filter {@code BodySizeLimit=<size>}: like the stock RequestSize filter, but the 413 carries an RFC 9457 body
 * and a chunked body without a length is counted too.
 */
@Component
class BodySizeLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<BodySizeLimitGatewayFilterFactory.Config> {

    BodySizeLimitGatewayFilterFactory() {
        super(Config.class);
    }

    static class Config {
        private DataSize maxSize = DataSize.ofMegabytes(5);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = config.getMaxSize().toBytes();
        return (exchange, chain) -> BodySize.limit(exchange, max, chain::filter);
    }
}
