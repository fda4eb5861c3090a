package app.lantern.inspection.analysis;

import app.lantern.catalogue.CatalogueService;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.analysis.PlanAnalysis.Workbook;
import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/inspection-plans/{planId}/statistics?format=xlsx|csv}: the plan's statistics
 * workbook, with the caller's bearer token and the same access as the plan (401 without a token,
 * 403 for callers who read no plans, 404 for a plan the caller does not see).
 */
@RestController
class StatisticsExportController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanAnalysis analysis;
    private final CatalogueService catalogue;

    StatisticsExportController(PlanAnalysis analysis, CatalogueService catalogue) {
        this.analysis = analysis;
        this.catalogue = catalogue;
    }

    static String path(long planKey) {
        return "/api/inspection-plans/" + NodeId.encode("InspectionPlan", planKey) + "/statistics";
    }

    @GetMapping("/api/inspection-plans/{planId}/statistics")
    ResponseEntity<byte[]> export(@PathVariable String planId, @RequestParam(defaultValue = "xlsx") String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"xlsx".equalsIgnoreCase(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is xlsx or csv");
        }
        long key;
        try {
            key = NodeId.longKey(planId, "InspectionPlan");
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan with this ID");
        }
        Workbook w = analysis.workbook(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan with this ID"));
        List<Long> unitIds = w.perUnit().stream().map(PlanStatistics::unitId).filter(Objects::nonNull).toList();
        List<Long> procedureIds = w.byProcedure().values().stream().flatMap(List::stream).map(PlanStatistics::procedureId)
                .filter(Objects::nonNull).distinct().toList();
        List<StatisticsExport.Sheet> sheets = StatisticsExport.sheets(w, catalogue.unitsByIds(unitIds),
                catalogue.proceduresOfVisibleDossiers(procedureIds));
        String name = "thong-ke-" + Stream.of(w.plan().number().split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + "-" + b).orElse("ke-hoach") + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv ? StatisticsExport.csv(sheets) : StatisticsExport.xlsx(sheets));
    }
}
