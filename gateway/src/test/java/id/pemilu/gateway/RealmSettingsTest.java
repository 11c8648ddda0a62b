package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realm file's security settings, read as Keycloak imports them. */
class RealmSettingsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode userProfile() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(Path.of("..", "keycloak", "realm-pemilu.json")));
        JsonNode provider = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0);
        return JSON.readTree(provider.get("config").get("kc.user.profile.config").get(0).asString());
    }

    @Test
    void usersCannotSetTheirOwnScopeClaims() throws Exception {
        JsonNode profile = userProfile();
        assertThat(profile.has("unmanagedAttributePolicy")).as("unmanaged attributes disabled (no policy)").isFalse();
        List<String> declared = new ArrayList<>();
        for (JsonNode attribute : profile.get("attributes")) {
            String name = attribute.get("name").asString();
            declared.add(name);
            if (List.of("tps_code", "region_code", "party_id").contains(name)) {
                List<String> editors = new ArrayList<>();
                attribute.get("permissions").get("edit").forEach(e -> editors.add(e.asString()));
                assertThat(editors).as(name + " is set by administrators only").containsExactly("admin");
            }
        }
        assertThat(declared).contains("tps_code", "region_code", "party_id");
    }

    /** The suite's clients put the API's audience in their tokens (services refuse any other); tokens live 5 min. */
    @Test
    void suiteClientsIssueTokensForTheApiThatLiveFiveMinutes() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(Path.of("..", "keycloak", "realm-pemilu.json")));
        assertThat(realm.get("accessTokenLifespan").asInt()).as("access-token lifetime, s").isLessThanOrEqualTo(300);
        for (JsonNode client : realm.get("clients")) {
            List<String> audiences = new ArrayList<>();
            for (JsonNode mapper : client.get("protocolMappers")) {
                if (mapper.get("protocolMapper").asString().equals("oidc-audience-mapper")) {
                    audiences.add(mapper.get("config").get("included.custom.audience").asString());
                }
            }
            assertThat(audiences).as("audience of " + client.get("clientId").asString()).containsExactly("pemilu-api");
        }
    }
}
