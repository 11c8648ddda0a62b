package id.pemilu.portal.sipol;

/**
 * A refusal shown as the "Akses ditolak" page: why (the service's own reason when the service refused) and what to do
 * instead.
 */
public class StaffRefused extends RuntimeException {

    private final String whatToDo;

    public StaffRefused(String message, String whatToDo) {
        super(message);
        this.whatToDo = whatToDo;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
