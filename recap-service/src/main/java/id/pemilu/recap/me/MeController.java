package id.pemilu.recap.me;

import id.pemilu.common.security.Caller;
import id.pemilu.recap.RecapRoles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is for Sirekap: the officer's app uses it to know which TPS or region to show. */
@RestController
class MeController {

    @GetMapping("/api/recap/me")
    @PreAuthorize(RecapRoles.ANY_RECAP_ROLE)
    Me me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return new Me(caller.username(), caller.roles().stream().sorted().toList(), caller.tpsCode(),
                caller.regionCode());
    }

    record Me(String username, List<String> roles, String tpsCode, String regionCode) {
    }
}
