package id.pemilu.common.outbox;

import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.mongo.StoreDurability;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The event plumbing that keeps its state in the service's MongoDB: the outbox relay (events saved with their
 * aggregate, published after) and the idempotency guard of consumers (events already processed). Only in the services
 * that store; common's {@code EventBusAutoConfiguration} declares the exchanges and the JSON conversion.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "id.pemilu.common.mongo.EmbeddedMongoAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean({MongoTemplate.class, RabbitTemplate.class})
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, RabbitTemplate rabbit, OutboxProperties properties,
                            MeterRegistry meters) {
        return new OutboxRelay(mongo, rabbit, properties, meters);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, MeterRegistry meters,
                                    ObjectProvider<StoreDurability> durability) {
        return new ProcessedEvents(mongo, meters, durability.getIfAvailable(() -> () -> { }));
    }
}
