package id.pemilu.candidates.party;

import id.pemilu.candidates.WorkflowFixture;
import id.pemilu.common.events.PartyMemberRemoved;
import id.pemilu.common.security.NikHash;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Feeds party-registry's events straight into the service's consumers: tests need no party-registry. */
public final class TestParties {

    private final ApplicationContext context;

    public TestParties(ApplicationContext context) {
        this.context = context;
    }

    /** Registers an eligible party whose members with these NIKs are verified (MS). */
    public void register(String partyId, String name, String nikKey, String... niks) {
        context.getBean(PartyEventListeners.PartiesListener.class).on(WorkflowFixture.registered(partyId, name));
        PartyEventListeners.MembersListener members = context.getBean(PartyEventListeners.MembersListener.class);
        members.on(WorkflowFixture.eligible(partyId));
        for (String nik : niks) {
            members.on(WorkflowFixture.member(partyId, nik, nikKey));
        }
    }

    public void removeMember(String partyId, String nikKey, String nik) {
        context.getBean(PartyEventListeners.MembersListener.class).on(new PartyMemberRemoved(
                UUID.randomUUID(), Instant.now(), 1, partyId,
                NikHash.of(nik, nikKey), "aduan warga dikabulkan"));
    }

    public void addMember(String partyId, String nikKey, String nik) {
        context.getBean(PartyEventListeners.MembersListener.class).on(WorkflowFixture.member(partyId, nik, nikKey));
    }
}
