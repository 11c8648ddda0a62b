package id.pemilu.candidates.dapil;

import id.pemilu.common.security.Caller;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * {@code PUT /api/dapil/sets/{body}/{areaCode}} is decided from the path alone, before the request body is read: a
 * caller who does not administer that body's dapil in that area gets 403 whatever it sent (not the JSON reader's
 * 400). An unknown body passes to the controller, which answers 400, but only for KPU officers.
 */
public final class DapilSetAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        Caller caller = Caller.of(token.getToken());
        if (!DapilAccess.administersSome(caller)) {
            return new AuthorizationDecision(false);
        }
        ElectoralBody body;
        try {
            body = ElectoralBody.parse(context.getVariables().get("body"));
        } catch (IllegalArgumentException unknownBody) {
            return new AuthorizationDecision(true);
        }
        return new AuthorizationDecision(DapilAccess.canAdminister(caller, body, context.getVariables()
                .get("areaCode")));
    }
}
