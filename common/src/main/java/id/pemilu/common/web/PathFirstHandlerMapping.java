package id.pemilu.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.http.server.RequestPath;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, asking first whether a mapping's path can match. A request whose path has variables
 * (a TPS code) is not found by direct path, so the lookup tries every mapping of the service; the stock order checks
 * the method, consumes and produces conditions (reading and parsing headers through every request wrapper) before
 * the path, for mappings whose path could never match: 6 % of recap-service's CPU in the confirmation benchmark
 * (issue 22). Here a mapping is first compared by the literal start of its patterns (the text before the first
 * variable or wildcard), then by its patterns, then by everything else. A mapping matches only if every condition
 * matches, so the order changes no answer; the literal start is compared only with a path that has no escapes or
 * path parameters (whose text is then what the patterns match against). The path's text is read once per lookup,
 * and each mapping's literal starts are found by the mapping's identity.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The literal starts of each mapping's patterns, by mapping identity (the mappings are fixed once registered). */
    private volatile Map<RequestMappingInfo, String[]> known = new IdentityHashMap<>();
    /** The path text of the lookup under way on this thread (null: compare by patterns only). */
    private static final ThreadLocal<String> LOOKUP = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        // the path text read once per request instead of once per mapping (through every request wrapper)
        String text = null;
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            RequestPath path = ServletRequestPathUtils.getParsedRequestPath(request);
            text = path.pathWithinApplication().value();
            if (text.indexOf('%') >= 0 || text.indexOf(';') >= 0) {
                text = null;
            }
        }
        String outer = LOOKUP.get();
        LOOKUP.set(text);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.set(outer);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null) {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return super.getMatchingMapping(info, request);
            }
            String text = LOOKUP.get();
            if (text != null && !startsWithAny(text, starts(info))) {
                return null;
            }
            if (paths.getMatchingCondition(request) == null) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private String[] starts(RequestMappingInfo info) {
        String[] starts = known.get(info);
        if (starts == null) {
            starts = literalStarts(info);
            // published as a new identity map: readers never see one being changed (two threads may both add one)
            Map<RequestMappingInfo, String[]> next = new IdentityHashMap<>(known);
            next.put(info, starts);
            known = next;
        }
        return starts;
    }

    private static boolean startsWithAny(String text, String[] starts) {
        for (String start : starts) {
            if (text.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private static String[] literalStarts(RequestMappingInfo info) {
        return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .map(PathFirstHandlerMapping::literalStart).toArray(String[]::new);
    }
    /** The pattern's text before its first variable or wildcard; a path it matches starts with it. */
    static String literalStart(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }
}
