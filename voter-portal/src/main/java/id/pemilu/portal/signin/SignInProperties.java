package id.pemilu.portal.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in of officers through Keycloak (authorization code + PKCE; the portal is a confidential client and keeps the
 * tokens in the server-side session: the browser only holds the session cookie).
 *
 * @param issuer       the realm's issuer URL, the one host name Keycloak runs with (browser redirects go there too)
 * @param jwksUri      where the ID token's signing keys are fetched
 * @param clientId     the portal's Keycloak client
 * @param clientSecret its secret (the realm file holds a throwaway dev value: set a real one in production)
 */
@ConfigurationProperties("pemilu.portal.sign-in")
public record SignInProperties(String issuer, String jwksUri, String clientId, String clientSecret) {

    public SignInProperties {
        issuer = issuer == null ? "http://127.0.0.1:8180/realms/pemilu" : issuer.replaceAll("/+$", "");
        jwksUri = jwksUri == null ? issuer + "/protocol/openid-connect/certs" : jwksUri;
        clientId = clientId == null ? "pemilu-portal" : clientId;
    }

    String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }
}
