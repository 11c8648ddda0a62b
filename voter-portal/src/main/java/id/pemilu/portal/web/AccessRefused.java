package id.pemilu.portal.web;

import id.pemilu.portal.signin.SignedIn;

/**
 * A refusal shown as the one "Akses ditolak" page (template akses-ditolak, attribute {@code whatToDo}): why (the
 * service's own reason when the service refused) and what to do instead. Each console's refusal extends it.
 */
public class AccessRefused extends RuntimeException {

    private final String whatToDo;

    public AccessRefused(String message, String whatToDo) {
        super(message);
        this.whatToDo = whatToDo;
    }

    /** What the signed-in person can do instead; null when the page's own links say enough. */
    public String whatToDo(SignedIn signedIn) {
        return whatToDo;
    }
}
