package id.pemilu.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSecretsTest {

    @Test
    void aProductionProfileWithADevKeyDoesNotStart() {
        MockEnvironment env = new MockEnvironment().withProperty("pemilu.nik.hmac-key", "dev-only-nik-key-change-me")
                .withProperty("pemilu.members.nik-encryption-key", "ZGV2LW9ubHktbmlrLWVuY3J5cHRpb24ta2V5LTMyYiE=");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> ProductionSecrets.check(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pemilu.nik.hmac-key").hasMessageContaining("pemilu.members.nik-encryption-key");
    }

    @Test
    void devValuesAreFineOutsideProductionAndRealKeysInProduction() {
        MockEnvironment dev = new MockEnvironment().withProperty("pemilu.nik.hmac-key", "dev-only-nik-key-change-me");
        ProductionSecrets.check(dev);
        MockEnvironment prod = new MockEnvironment().withProperty("pemilu.nik.hmac-key", "r7Qm2x-real-secret")
                .withProperty("pemilu.gateway.key", "another-real-secret");
        prod.setActiveProfiles("production");
        ProductionSecrets.check(prod);
        assertThat(ProductionSecrets.devValues(prod)).isEmpty();
    }
}
