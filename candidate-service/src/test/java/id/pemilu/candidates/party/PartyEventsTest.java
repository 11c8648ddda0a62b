package id.pemilu.candidates.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.pemilu.common.events.EventExchanges;
import id.pemilu.common.events.PartyMemberDisputed;
import id.pemilu.common.events.PartyMemberRemoved;
import id.pemilu.common.events.PartyMemberVerified;
import id.pemilu.common.events.PartyRegistered;
import id.pemilu.common.events.PartyRequirementsEvaluated;
import id.pemilu.common.inbox.ProcessedEvents;
import id.pemilu.common.test.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PartyEventsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    PartyDirectory directory;
    @Autowired
    ProcessedEvents processedEvents;
    @Autowired
    Parties parties;
    @Autowired
    PartyEventListeners.PartiesListener partiesListener;
    @Autowired
    PartyEventListeners.MembersListener membersListener;

    @Test
    void aPartyRegisteredThroughTheBrokerIsListedOnceEvenWhenDeliveredTwice() throws Exception {
        String partyId = "t" + UUID.randomUUID().toString().substring(0, 8);
        PartyRegistered event = PartyRegistered.now(partyId, "Partai Uji Coba", "PUC");
        rabbit.convertAndSend(EventExchanges.DOMAIN_EVENTS, "PartyRegistered", event);
        rabbit.convertAndSend(EventExchanges.DOMAIN_EVENTS, "PartyRegistered", event);
        awaitTrue(() -> directory.find(partyId).isPresent());

        mvc.perform(get("/api/candidates/parties").with(Tokens.kpuRi()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.partyId == '" + partyId + "')].name").value("Partai Uji Coba"))
                .andExpect(jsonPath("$[?(@.partyId == '" + partyId + "')].abbreviation").value("PUC"));
        assertThat(directory.all().stream().filter(p -> p.partyId().equals(partyId))).hasSize(1);
        assertThat(processedEvents.once(PartyEventListeners.PARTIES, event.eventId(), () -> {
            throw new AssertionError("a processed event must not run again");
        })).isFalse();
    }

    @Test
    void partiesAreReadableByPartyAndBawasluRolesButNotAnonymously() throws Exception {
        mvc.perform(get("/api/candidates/parties").with(Tokens.partyOperator("pnb"))).andExpect(status().isOk())
                .andExpect(jsonPath("$").isArray());
        mvc.perform(get("/api/candidates/parties").with(Tokens.bawaslu())).andExpect(status().isOk());
        mvc.perform(get("/api/candidates/parties")).andExpect(status().isUnauthorized());
    }

    @Test
    void membershipAndEligibilityFollowTheEventsAndARemovedMemberStaysRemoved() {
        String partyId = "m" + UUID.randomUUID().toString().substring(0, 8);
        partiesListener.on(PartyRegistered.now(partyId, "Partai Anggota", "PA"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        membersListener.on(new PartyMemberVerified(UUID.randomUUID(), t0, 1, partyId, "hash-a", "31.71"));
        assertThat(directory.isVerifiedMember(partyId, "hash-a")).isTrue();
        assertThat(directory.isMemberOfAnyParty("hash-a")).isTrue();
        assertThat(directory.isVerifiedMember(partyId, "hash-b")).isFalse();

        membersListener.on(new PartyMemberRemoved(UUID.randomUUID(), t0.plusSeconds(5), 1, partyId, "hash-a", "aduan"));
        membersListener.on(new PartyMemberVerified(UUID.randomUUID(), t0.plusSeconds(9), 1, partyId, "hash-a", "31.71"));
        assertThat(directory.isVerifiedMember(partyId, "hash-a")).isFalse();

        membersListener.on(new PartyRequirementsEvaluated(UUID.randomUUID(), t0.plusSeconds(10), 1, partyId, true, List.of()));
        membersListener.on(new PartyRequirementsEvaluated(UUID.randomUUID(), t0.plusSeconds(1), 1, partyId, false,
                List.of("KEPENGURUSAN")));
        assertThat(directory.find(partyId).orElseThrow().eligible()).as("an older evaluation is ignored").isTrue();
    }

    @Test
    void aDisputedMemberDoesNotCountUntilVerifiedAgainAfterTheDispute() {
        String partyId = "d" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        membersListener.on(new PartyMemberVerified(UUID.randomUUID(), t0, 1, partyId, "hash-d", "31.71"));
        membersListener.on(new PartyMemberDisputed(UUID.randomUUID(), t0.plusSeconds(60), 1, partyId, "hash-d", "c1"));
        assertThat(directory.isVerifiedMember(partyId, "hash-d")).isFalse();
        assertThat(directory.isMemberOfAnyParty("hash-d")).isFalse();
        membersListener.on(new PartyMemberVerified(UUID.randomUUID(), t0.plusSeconds(30), 1, partyId, "hash-d", "31.71"));
        assertThat(directory.isVerifiedMember(partyId, "hash-d")).as("an older verification does not settle it")
                .isFalse();
        membersListener.on(new PartyMemberVerified(UUID.randomUUID(), t0.plusSeconds(120), 1, partyId, "hash-d", "31.71"));
        assertThat(directory.isVerifiedMember(partyId, "hash-d")).isTrue();
    }

    @Test
    void onlyKpuRiSetsBallotNumbersAndNumbersMustBeDistinct() throws Exception {
        String partyId = "b" + UUID.randomUUID().toString().substring(0, 8);
        partiesListener.on(PartyRegistered.now(partyId, "Partai Nomor", "PN"));
        String body = "{\"" + partyId + "\": 907}";
        mvc.perform(put("/api/candidates/parties/ballot-numbers").with(Tokens.partyOperator(partyId))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(put("/api/candidates/parties/ballot-numbers").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content("{\"" + partyId + "\": 0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/candidates/parties/ballot-numbers").with(Tokens.kpuRi())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        assertThat(parties.find(partyId).orElseThrow().ballotNumber()).isEqualTo(907);
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached").isTrue();
    }
}
