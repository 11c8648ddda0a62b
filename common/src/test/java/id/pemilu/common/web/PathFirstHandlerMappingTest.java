package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class PathFirstHandlerMappingTest {

    @RestController
    @RequestMapping("/api/recap")
    static class Endpoints {
        @PostMapping(path = "/results/{tps}/{ballot}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
        String confirm(@PathVariable String tps, @PathVariable String ballot) {
            return "confirm";
        }

        @GetMapping(path = "/results/{tps}/{ballot}", produces = MediaType.APPLICATION_JSON_VALUE)
        String read(@PathVariable String tps, @PathVariable String ballot) {
            return "read";
        }

        @PutMapping("/results/{tps}/{ballot}/review")
        String review(@PathVariable String tps, @PathVariable String ballot) {
            return "review";
        }

        @GetMapping("/public/totals")
        String totals() {
            return "totals";
        }

        @GetMapping("/public/{region}/**")
        String anything(@PathVariable String region) {
            return "anything";
        }
    }

    @Test
    void everyRequestFindsWhatTheStockLookupFinds() throws Exception {
        RequestMappingHandlerMapping stock = mapping(new RequestMappingHandlerMapping());
        RequestMappingHandlerMapping pathFirst = mapping(new PathFirstHandlerMapping());
        String[] methods = {"GET", "POST", "PUT", "DELETE", "OPTIONS"};
        String[] paths = {"/api/recap/results/31.71.01.1001.001/PPWP/confirm", "/api/recap/results/31.71/PPWP",
                "/api/recap/results/31.71/PPWP/review", "/api/recap/public/totals", "/api/recap/public/31/a/b",
                "/api/recap/nowhere", "/api/recap/results/x/y/z/w", "/api/recap/res%75lts/31.71/PPWP",
                "/api/recap/results;v=1/31.71/PPWP", "/api/recap/public/totals/", "/api/recap/Public/totals"};
        String[] contentTypes = {null, "application/json", "text/plain"};
        String[] accepts = {null, "application/json", "text/csv"};
        List<String> found = new ArrayList<>();
        for (String method : methods) {
            for (String path : paths) {
                for (String contentType : contentTypes) {
                    for (String accept : accepts) {
                        String expected = outcome(stock, method, path, contentType, accept);
                        String actual = outcome(pathFirst, method, path, contentType, accept);
                        assertThat(actual).as("%s %s %s %s", method, path, contentType, accept).isEqualTo(expected);
                        found.add(actual);
                    }
                }
            }
        }
        assertThat(found).anyMatch(o -> o.contains("confirm")).anyMatch(o -> o.startsWith("refused"))
                .anyMatch(o -> o.equals("none")).anyMatch(o -> o.contains("anything"));
        assertThat(PathFirstHandlerMapping.literalStart("/api/recap/results/{tps}/{ballot}/confirm"))
                .isEqualTo("/api/recap/results/");
        assertThat(PathFirstHandlerMapping.literalStart("/api/recap/public/totals")).isEqualTo("/api/recap/public/totals");
    }

    private static RequestMappingHandlerMapping mapping(RequestMappingHandlerMapping mapping) {
        GenericWebApplicationContext context = new GenericWebApplicationContext(new MockServletContext());
        context.registerBean(Endpoints.class);
        context.refresh();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    private static String outcome(HandlerMapping mapping, String method, String path, String contentType,
                                  String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("{}".getBytes());
        }
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if ("OPTIONS".equals(method)) {
            request.addHeader("Origin", "https://example.org");
            request.addHeader("Access-Control-Request-Method", "POST");
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            Object handler = chain.getHandler();
            return (handler instanceof org.springframework.web.method.HandlerMethod ? handler.toString()
                    : handler.getClass().getName()) + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception e) {
            return "refused " + e.getClass().getSimpleName();
        }
    }
}
