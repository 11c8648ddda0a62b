package id.pemilu.candidates.party;

import id.pemilu.common.events.PartyMemberDisputed;
import id.pemilu.common.events.PartyMemberRemoved;
import id.pemilu.common.events.PartyMemberVerified;
import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.events.PartyRequirementsEvaluated;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.messaging.EventQueues;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Consumes party-registry's events. Parties arrive on {@value #PARTIES}; membership (verified, disputed, removed)
 * and eligibility on
 * {@value #MEMBERS}. Each effect is an idempotent upsert guarded by {@link ProcessedEvents#once}.
 */
@Configuration
class PartyEventListeners {

    static final String PARTIES = "candidate-service.parties";
    static final String MEMBERS = "candidate-service.members";

    @Bean
    Declarables candidatePartiesQueue() {
        return EventQueues.consumerQueue(PARTIES, "PartyRegistered");
    }

    @Bean
    Declarables candidateMembersQueue() {
        return EventQueues.consumerQueue(MEMBERS, "PartyMemberVerified", "PartyMemberDisputed", "PartyMemberRemoved",
                "PartyRequirementsEvaluated");
    }

    @Bean
    PartiesListener partiesListener(ProcessedEvents processedEvents, Parties parties) {
        return new PartiesListener(processedEvents, parties);
    }

    @Bean
    MembersListener membersListener(ProcessedEvents processedEvents, Parties parties, PartyMembers members) {
        return new MembersListener(processedEvents, parties, members);
    }

    @RabbitListener(queues = PARTIES)
    public static class PartiesListener {

        private final ProcessedEvents processedEvents;
        private final Parties parties;

        PartiesListener(ProcessedEvents processedEvents, Parties parties) {
            this.processedEvents = processedEvents;
            this.parties = parties;
        }

        @RabbitHandler
        public void on(PartyRegistered event) {
            processedEvents.once(PARTIES, event.eventId(), () -> parties.upsertRegistered(event));
        }
    }

    @RabbitListener(queues = MEMBERS)
    public static class MembersListener {

        private final ProcessedEvents processedEvents;
        private final Parties parties;
        private final PartyMembers members;

        MembersListener(ProcessedEvents processedEvents, Parties parties, PartyMembers members) {
            this.processedEvents = processedEvents;
            this.parties = parties;
            this.members = members;
        }

        @RabbitHandler
        public void on(PartyMemberVerified event) {
            processedEvents.once(MEMBERS, event.eventId(),
                    () -> members.markVerified(event.partyId(), event.nikHash(), event.occurredAt()));
        }

        @RabbitHandler
        public void on(PartyMemberDisputed event) {
            processedEvents.once(MEMBERS, event.eventId(),
                    () -> members.markDisputed(event.partyId(), event.nikHash(), event.occurredAt()));
        }

        @RabbitHandler
        public void on(PartyMemberRemoved event) {
            processedEvents.once(MEMBERS, event.eventId(),
                    () -> members.markRemoved(event.partyId(), event.nikHash(), event.occurredAt()));
        }

        @RabbitHandler
        public void on(PartyRequirementsEvaluated event) {
            processedEvents.once(MEMBERS, event.eventId(),
                    () -> parties.recordEligibility(event.partyId(), event.met(), event.occurredAt()));
        }
    }
}
