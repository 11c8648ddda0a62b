package id.pemilu.common.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service in a production profile ({@code prod} or {@code production}) while a secret still has
 * its throwaway dev value (every dev secret contains {@code dev-only}, plain or base64): with the dev NIK key anyone
 * holding the source could turn a memberId (an HMAC of the NIK) back into the NIK by trying every possible NIK.
 */
public final class ProductionSecrets {

    /** The settings that hold secrets across the suite; a service checks those it has. */
    public static final List<String> SECRET_PROPERTIES = List.of("pemilu.nik.hmac-key", "pemilu.gateway.key",
            "pemilu.members.nik-encryption-key");

    private ProductionSecrets() {
    }

    public static boolean production(Environment environment) {
        return environment.acceptsProfiles(Profiles.of("prod | production"));
    }

    /** The secret settings that still hold a dev value. */
    public static List<String> devValues(Environment environment) {
        List<String> found = new ArrayList<>();
        for (String name : SECRET_PROPERTIES) {
            String value = environment.getProperty(name);
            if (value != null && isDevValue(value)) {
                found.add(name);
            }
        }
        return found;
    }

    public static void check(Environment environment) {
        if (!production(environment)) {
            return;
        }
        List<String> dev = devValues(environment);
        if (!dev.isEmpty()) {
            throw new IllegalStateException("Production profile with throwaway dev secrets: " + dev
                    + ". Set PEMILU_NIK_HMAC_KEY, PEMILU_GATEWAY_KEY and PEMILU_NIK_ENCRYPTION_KEY (see SECURITY.md).");
        }
    }

    static boolean isDevValue(String value) {
        if (value.contains("dev-only")) {
            return true;
        }
        try {
            return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8).contains("dev-only");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
