package id.pemilu.gateway;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict exchange firewall with its header rules (assigned, non-control code points; tab also in
 * values), checked without the regex when a header is printable ASCII, as every real one is: the stock rule runs a
 * Unicode regex over the bearer token each time a filter reads it. Anything else still goes to the regex.
 */
final class HeaderCheck {

    static final Pattern NAME_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUE_RULE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private HeaderCheck() {
    }

    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(plainOr(NAME_RULE));
        firewall.setAllowedHeaderValues(plainOr(VALUE_RULE));
        return firewall;
    }

    static Predicate<String> plainOr(Pattern rule) {
        // a header that is not there (null) has nothing to refuse, as with the stock rules
        return header -> header == null || header.chars().allMatch(c -> c >= ' ' && c <= '~') || rule.matcher(header).matches();
    }
}
