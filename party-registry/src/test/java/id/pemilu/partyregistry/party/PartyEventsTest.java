package id.pemilu.partyregistry.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.events.PartyRequirementsEvaluated;
import id.pemilu.common.test.Tokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Uses the real RabbitMQ on 127.0.0.1:5672 (as CI does): the events must leave through the outbox. */
@SpringBootTest
@AutoConfigureMockMvc
class PartyEventsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RabbitAdmin admin;

    static final JsonMapper JSON = JsonMapper.builder().build();
    Queue queue;

    @AfterEach
    void dropQueue() {
        if (queue != null) {
            admin.deleteQueue(queue.getName());
        }
    }

    @Test
    void registeringRaisesPartyRegisteredAndTheFirstRequirementsOutcome() throws Exception {
        queue = new Queue("party-registry-test-" + java.util.UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        TopicExchange events = new TopicExchange(EventExchanges.DOMAIN_EVENTS);
        for (String key : new String[]{"PartyRegistered", "PartyRequirementsEvaluated"}) {
            Binding binding = BindingBuilder.bind(queue).to(events).with(key);
            admin.declareBinding(binding);
        }
        mvc.perform(post("/api/parties").with(Tokens.kpuRi()).contentType(MediaType.APPLICATION_JSON)
                .content(PartyApiTest.party("pev"))).andExpect(status().isCreated());

        // read the JSON body ourselves: this test checks what goes on the wire, not the shared converter
        // other tests in this Spring context register parties too: keep only the events of "pev"
        Map<String, Object> received = new HashMap<>();
        for (int i = 0; i < 40 && received.size() < 2; i++) {
            Message message = rabbit.receive(queue.getName(), 5_000);
            if (message != null) {
                Object event = "PartyRegistered".equals(message.getMessageProperties().getType())
                        ? JSON.readValue(message.getBody(), PartyRegistered.class)
                        : JSON.readValue(message.getBody(), PartyRequirementsEvaluated.class);
                String partyId = event instanceof PartyRegistered r ? r.partyId()
                        : ((PartyRequirementsEvaluated) event).partyId();
                if ("pev".equals(partyId)) {
                    received.put(event.getClass().getSimpleName(), event);
                }
            }
        }
        assertThat(received.get("PartyRegistered")).isInstanceOfSatisfying(PartyRegistered.class, e -> {
            assertThat(e.partyId()).isEqualTo("pev");
            assertThat(e.abbreviation()).isEqualTo("PEV");
        });
        assertThat(received.get("PartyRequirementsEvaluated")).isInstanceOfSatisfying(
                PartyRequirementsEvaluated.class, e -> {
                    assertThat(e.met()).isFalse();
                    assertThat(e.unmetRules()).contains(Requirements.PROVINCES);
                });
    }
}
