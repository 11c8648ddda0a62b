package id.pemilu.portal.desk;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal reaches Desk Pilkada (the local government's quick, unofficial count; module desk-pilkada).
 *
 * @param url desk-pilkada's base URL ({@code DESK_PILKADA_URL}); every call carries the signed-in user's token
 */
@ConfigurationProperties("pemilu.portal.desk")
public record DeskPortalProperties(String url) {

    public DeskPortalProperties {
        url = url == null || url.isBlank() ? "http://127.0.0.1:8086" : url.replaceAll("/+$", "");
    }
}
