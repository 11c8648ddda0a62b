package id.pemilu.portal.sipol;

import id.pemilu.portal.web.AccessRefused;

/**
 * A refusal on the Sipol and Silon screens: why (the service's own reason when the service refused) and what to do
 * instead.
 */
public class StaffRefused extends AccessRefused {

    public StaffRefused(String message, String whatToDo) {
        super(message, whatToDo);
    }
}
