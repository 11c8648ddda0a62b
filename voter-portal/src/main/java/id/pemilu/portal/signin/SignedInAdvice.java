package id.pemilu.portal.signin;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in (null for citizens), for the header: name, role and scope. */
@ControllerAdvice(basePackages = "id.pemilu.portal")
class SignedInAdvice {

    @ModelAttribute("signedIn")
    SignedIn signedIn(Authentication authentication) {
        return SignedIn.of(authentication);
    }
}
