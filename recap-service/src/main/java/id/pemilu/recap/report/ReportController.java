package id.pemilu.recap.report;

import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ClientAddress;
import id.pemilu.recap.RecapRoles;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.registry.TpsCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Laporkan TPS ini": anyone (no account) reports a TPS; PPK/KPU covering it and Bawaslu read the queue; PPK/KPU
 * close a case with a reason. Nothing here changes a result.
 */
@RestController
class ReportController {

    private final TpsReports reports;
    private final ClientAddress clients;

    ReportController(TpsReports reports, ClientAddress clients) {
        this.reports = reports;
        this.clients = clients;
    }

    @PostMapping("/api/recap/public/tps/{tpsCode}/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TpsReports.Receipt report(@PathVariable String tpsCode, @RequestBody ReportInput input,
                              HttpServletRequest request) {
        TpsCode tps = new TpsCode(tpsCode);
        return reports.report(tps, input.validated(), clients.of(request));
    }

    @GetMapping("/api/recap/reports")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    List<ReportView> queue(@AuthenticationPrincipal Jwt jwt,
                           @RequestParam(defaultValue = TpsRegistry.NATIONAL) String region,
                           @RequestParam(defaultValue = "open") String status,
                           @RequestParam(defaultValue = "200") int limit) {
        if (!status.equals("open") && !status.equals("all")) {
            throw new IllegalArgumentException("status harus open atau all.");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit harus 1 sampai 1000.");
        }
        return reports.queue(Caller.of(jwt), region, status.equals("all"), limit).stream().map(ReportView::of)
                .toList();
    }

    @GetMapping("/api/recap/tps/{tpsCode}/reports")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    List<ReportView> ofTps(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode) {
        return reports.ofTps(Caller.of(jwt), new TpsCode(tpsCode)).stream().map(ReportView::of).toList();
    }

    @PostMapping("/api/recap/tps/{tpsCode}/reports/{reason}/close")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    ReportView close(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode, @PathVariable String reason,
                     @RequestBody CloseCommand command) {
        return ReportView.of(reports.close(Caller.of(jwt), new TpsCode(tpsCode), ReportReason.parse(reason),
                command.reason()));
    }

    record CloseCommand(String reason) {
    }

    record ReportView(String tpsCode, String reason, String label, String status, int count, int reporters,
                      Instant firstAt, Instant lastAt, List<TpsReport.Sample> samples,
                      List<TpsReport.ClosedCase> closed) {

        static ReportView of(TpsReport r) {
            return new ReportView(r.getTpsCode(), r.getReason().name(), r.getReason().label(),
                    r.open() ? "open" : "closed", r.getCount(), r.getReporters(), r.getFirstAt(), r.getLastAt(),
                    r.getSamples(), r.getClosed());
        }
    }
}
