package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.SqlStatementCounter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Plan 2960's breakdowns by field and by procedure and its causes equal direct SQL counts over the
 * same dossiers (written here apart from the application's query); the export holds the same
 * figures; only the team, administrators and (for their unit) target unit heads get any of it.
 */
class InspectionAnalysisIT extends InspectionFixtures {

    private static final List<String> TARGETS = List.of("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP");
    private static final String P0 = "timestamptz '2021-07-15T00:00:00+07'";
    private static final String P1 = "timestamptz '2023-12-01T00:00:00+07'";
    private static final String HANDLED = "d.received_at < " + P1 + " and (d.closed_at is null or d.closed_at >= " + P0 + ")";
    private static final String OPEN_AT_END = "(d.closed_at is null or d.closed_at >= " + P1 + ")";
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();
    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };

    static {
        FIGURES.put("receivedDirect", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'DIRECT'");
        FIGURES.put("receivedOnline", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'ONLINE'");
        FIGURES.put("receivedPostal", "d.received_at >= " + P0 + " and d.received_at < " + P1 + " and d.channel = 'POSTAL'");
        FIGURES.put("received", "d.received_at >= " + P0 + " and d.received_at < " + P1);
        FIGURES.put("carriedOver", "d.received_at < " + P0 + " and (d.closed_at is null or d.closed_at >= " + P0 + ")");
        FIGURES.put("resolvedOnTime", HANDLED + " and d.resolved_at < " + P1 + " and not d.late");
        FIGURES.put("resolvedLate", HANDLED + " and d.resolved_at < " + P1 + " and d.late");
        FIGURES.put("lateWithoutApology", HANDLED + " and d.resolved_at < " + P1 + " and d.late"
                + " and not coalesce(d.apology_issued_at < " + P1 + ", false)");
        FIGURES.put("rejected", HANDLED + " and d.status = 'REJECTED' and d.closed_at < " + P1);
        FIGURES.put("withdrawn", HANDLED + " and d.status = 'WITHDRAWN' and d.closed_at < " + P1);
        FIGURES.put("openWithinTime", HANDLED + " and " + OPEN_AT_END + " and d.due_date >= date '2023-12-01'");
        FIGURES.put("openOverdue", HANDLED + " and " + OPEN_AT_END + " and d.due_date < date '2023-12-01'");
    }

    /** Dossiers of the units' subtrees meeting {@code condition}, each once. */
    private long direct(List<String> units, String condition) {
        return jdbc.sql("select count(*) from dossier d join unit du on du.id = d.unit_id join procedure pc on pc.id = d.procedure_id"
                        + " where du.path like any (array(select u.path || '%' from unit u where u.code in (:units))) and " + condition)
                .param("units", units).query(Long.class).single();
    }

    @Test
    void theWholeAnalysisOfAPlanCostsAFixedNumberOfStatements() {
        analysis(inspector(), null).errors().verify();
        long before = SqlStatementCounter.count();
        long started = System.nanoTime();
        analysis(inspector(), null).errors().verify();
        long statements = SqlStatementCounter.count() - before;
        System.out.printf("Plan 2960 statistics, totals, by field, by procedure and causes: %d statements, %d ms%n", statements,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(statements).as("a handful per field, none per row").isLessThanOrEqualTo(25);
    }

    private GraphQlTester.Response analysis(HttpGraphQlTester caller, String unitCode) {
        return caller.documentName("inspectionPlanAnalysis").variable("number", PLAN_2960)
                .variable("unitId", unitCode == null ? null : unitId(unitCode)).execute();
    }

    private static long n(Map<String, Object> row, String name) {
        return ((Number) row.get(name)).longValue();
    }

    // ------------------------------------------------------------------ figures

    @Test
    void breakdownsByFieldAndProcedureEqualDirectCountsAndAddUpToTheStatistics() {
        for (String unit : new String[] {null, "NA-QUYHOP"}) {
            List<String> units = unit == null ? TARGETS : List.of(unit);
            GraphQlTester.Response r = analysis(inspector(), unit);
            r.errors().verify();
            List<Map<String, Object>> byField = r.path("inspectionPlan.statisticsByField").entityList(ROW).get();
            assertThat(byField).as("fields with dossiers").hasSizeGreaterThan(1);
            for (Map<String, Object> row : byField) {
                assertThat(row.get("unit") == null ? null : ((Map<?, ?>) row.get("unit")).get("code")).isEqualTo(unit);
                String field = (String) row.get("field");
                FIGURES.forEach((name, condition) -> assertThat(n(row, name)).as(unit + " " + field + " " + name)
                        .isEqualTo(direct(units, "pc.field = '" + field + "' and " + condition)));
            }
            List<Map<String, Object>> byProcedure = r.path("inspectionPlan.statisticsByProcedure").entityList(ROW).get();
            for (Map<String, Object> row : byProcedure.subList(0, Math.min(5, byProcedure.size()))) {
                long procedure = NodeId.longKey((String) ((Map<?, ?>) row.get("procedure")).get("id"), "Procedure");
                FIGURES.forEach((name, condition) -> assertThat(n(row, name)).as(unit + " procedure " + procedure + " " + name)
                        .isEqualTo(direct(units, "d.procedure_id = " + procedure + " and " + condition)));
            }
            // largest first, and every dossier in exactly one field and one procedure
            List<Long> sizes = byProcedure.stream().map(row -> n(row, "received") + n(row, "carriedOver")).toList();
            assertThat(sizes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            Map<String, Object> whole = unit == null ? r.path("inspectionPlan.totals").entity(ROW).get()
                    : r.path("inspectionPlan.statistics").entityList(ROW).get().stream()
                    .filter(s -> unit.equals(((Map<?, ?>) s.get("unit")).get("code"))).findFirst().orElseThrow();
            for (String name : FIGURES.keySet()) {
                assertThat(byField.stream().mapToLong(row -> n(row, name)).sum()).as("fields add up: " + name).isEqualTo(n(whole, name));
                assertThat(byProcedure.stream().mapToLong(row -> n(row, name)).sum()).as("procedures add up: " + name).isEqualTo(n(whole, name));
            }
        }
    }

    @Test
    void causesEqualDirectCountsByCategory() {
        for (String unit : new String[] {null, "NA-SYT"}) {
            List<String> units = unit == null ? TARGETS : List.of(unit);
            List<Map<String, Object>> causes = analysis(hoa(), unit).path("inspectionPlan.causes").entityList(ROW).get();
            assertThat(causes).hasSize(12);
            for (Map<String, Object> cause : causes) {
                String category = (String) cause.get("category");
                String condition = "LATE".equals(cause.get("kind"))
                        ? HANDLED + " and ((d.resolved_at < " + P1 + " and d.late) or (" + OPEN_AT_END + " and d.due_date < date '2023-12-01'))"
                        + " and (case when d.apology_issued_at < " + P1 + " then coalesce(d.apology_category, 'OTHER') else 'OTHER' end) = '"
                        + category + "'"
                        : HANDLED + " and d.status = 'REJECTED' and d.closed_at < " + P1 + " and d.reject_category = '" + category + "'";
                assertThat(n(cause, "count")).as(unit + " " + cause.get("kind") + " " + category).isEqualTo(direct(units, condition));
            }
            // the demo's late reasons carry categories, and late dossiers without an apology count as OTHER
            assertThat(causes.stream().filter(c -> "LATE".equals(c.get("kind")) && "HUMAN_RESOURCES".equals(c.get("category")))
                    .mapToLong(c -> n(c, "count")).sum()).isPositive();
            assertThat(causes.stream().filter(c -> "REJECTED".equals(c.get("kind"))).mapToLong(c -> n(c, "count")).sum())
                    .isEqualTo(direct(units, FIGURES.get("rejected")));
        }
    }

    /** A dossier received at NA-SYT today, then moved 120 days back so that it is overdue (outside Plan 2960's period). */
    private Map<String, Object> overdueDossier() {
        long procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' and p.statutory_working_days >= 10 order by p.id limit 1").query(Long.class).single();
        GraphQlTester.Response r = unitHead("NA-SYT").documentName("dossierReceive").variable("input", Map.of(
                "procedureId", NodeId.encode("Procedure", procedure), "applicantKind", "PERSON", "applicantName", "Lê Văn Hùng",
                "channel", "DIRECT")).execute();
        r.path("dossierReceive.userErrors").entityList(Object.class).hasSize(0);
        String id = r.path("dossierReceive.dossier.id").entity(String.class).get();
        jdbc.sql("""
                update dossier set received_at = received_at - interval '120 days', step_entered_at = step_entered_at - interval '120 days',
                    clock_started_on = clock_started_on - 120, due_date = due_date - 120
                where id = :id""").param("id", NodeId.longKey(id, "Dossier")).update();
        return Map.of("id", id, "version", r.path("dossierReceive.dossier.version").entity(Integer.class).get());
    }

    @Test
    void anApologyLetterCarriesAnOptionalReasonCategory() {
        for (String category : new String[] {"HUMAN_RESOURCES", null}) {
            Map<String, Object> dossier = overdueDossier();
            Map<String, Object> input = new HashMap<>(Map.of("dossierId", dossier.get("id"), "version", dossier.get("version"),
                    "reason", "Thiếu công chức thụ lý", "newAppointmentDate", java.time.LocalDate.now().plusDays(20).toString()));
            if (category != null) {
                input.put("category", category);
            }
            GraphQlTester.Response r = unitHead("NA-SYT").documentName("dossierIssueApologyCategory").variable("input", input).execute();
            r.path("dossierIssueApology.userErrors").entityList(Object.class).hasSize(0);
            if (category == null) {
                r.path("dossierIssueApology.dossier.apology.category").valueIsNull();
            } else {
                r.path("dossierIssueApology.dossier.apology.category").entity(String.class).isEqualTo(category);
            }
            assertThat(jdbc.sql("select apology_category from dossier where id = ?").param(NodeId.longKey((String) dossier.get("id"), "Dossier"))
                    .query(String.class).optional().orElse(null)).isEqualTo(category);
        }
    }

    // ------------------------------------------------------------------ access

    @Test
    void aTargetUnitsHeadGetsOnlyTheirOwnUnitsBreakdownsAndOthersNothing() {
        GraphQlTester.Response own = analysis(unitHead("NA-SYT"), "NA-SYT");
        own.path("inspectionPlan.statisticsByField").entityList(Object.class).satisfies(rows -> assertThat(rows).isNotEmpty());
        own.path("inspectionPlan.causes").entityList(Object.class).hasSize(12);
        for (String unit : new String[] {"NA-QUYHOP", null}) {
            GraphQlTester.Response other = analysis(unitHead("NA-SYT"), unit);
            other.path("inspectionPlan.statisticsByField").entityList(Object.class).hasSize(0);
            other.path("inspectionPlan.statisticsByProcedure").entityList(Object.class).hasSize(0);
            other.path("inspectionPlan.causes").entityList(Object.class).hasSize(0);
        }
        // the team sees any target; a unit that is not a target has no part
        analysis(hoa(), "NA-SNV").path("inspectionPlan.statisticsByField").entityList(Object.class).hasSize(0);
        for (HttpGraphQlTester outsider : List.of(unitHead("NA-SNV"), otherInspector(), admin())) {
            analysis(outsider, null).path("inspectionPlan").valueIsNull();
        }
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(analysis(refused, null), ErrorType.FORBIDDEN, "inspectionPlan");
        }
    }

    // ------------------------------------------------------------------ export

    private String token(String who) {
        return switch (who) {
            case "lead" -> tokens().staff("inspector.lead", "NA-TTT", "inspector");
            case "head.syt" -> tokens().staff("head.syt", "NA-SYT", "unit_head");
            case "head.snv" -> tokens().staff("head.snv", "NA-SNV", "unit_head");
            case "citizen" -> tokens().citizen("citizen", "040190000123");
            default -> throw new IllegalArgumentException(who);
        };
    }

    private byte[] download(String url, String token, int status) {
        var spec = http().get().uri(url);
        if (token != null) {
            spec = spec.headers(h -> h.setBearerAuth(token));
        }
        return spec.exchange().expectStatus().isEqualTo(status).expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** The sheets of a workbook by name, each a list of rows of cell texts. */
    private static Map<String, List<List<String>>> readXlsx(byte[] bytes) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document workbook = factory.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/workbook.xml")));
        NodeList sheets = workbook.getElementsByTagName("sheet");
        Map<String, List<List<String>>> result = new LinkedHashMap<>();
        for (int s = 0; s < sheets.getLength(); s++) {
            String name = ((Element) sheets.item(s)).getAttribute("name");
            Document sheet = factory.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("xl/worksheets/sheet" + (s + 1) + ".xml")));
            List<List<String>> rows = new ArrayList<>();
            NodeList rowNodes = sheet.getElementsByTagName("row");
            for (int r = 0; r < rowNodes.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagName("c");
                for (int c = 0; c < cellNodes.getLength(); c++) {
                    cells.add(cellNodes.item(c).getTextContent());
                }
                rows.add(cells);
            }
            result.put(name, rows);
        }
        return result;
    }

    @Test
    void theExportHoldsTheSameFiguresAsXlsxAndCsv() throws Exception {
        GraphQlTester.Response r = analysis(inspector(), null);
        String url = r.path("inspectionPlan.statisticsExportUrl").entity(String.class).get();
        assertThat(url).startsWith("/api/inspection-plans/").endsWith("/statistics");
        List<Map<String, Object>> perUnit = r.path("inspectionPlan.statistics").entityList(ROW).get();
        Map<String, Object> totals = r.path("inspectionPlan.totals").entity(ROW).get();
        List<Map<String, Object>> byField = r.path("inspectionPlan.statisticsByField").entityList(ROW).get();
        List<Map<String, Object>> causes = r.path("inspectionPlan.causes").entityList(ROW).get();
        List<String> figures = List.copyOf(FIGURES.keySet());

        long started = System.nanoTime();
        byte[] xlsx = download(url + "?format=xlsx", token("lead"), 200);
        System.out.printf("Plan 2960 statistics export: %d bytes of XLSX in %d ms%n", xlsx.length, (System.nanoTime() - started) / 1_000_000);
        Map<String, List<List<String>>> book = readXlsx(xlsx);
        assertThat(book.keySet()).containsExactly("Theo đơn vị", "Theo lĩnh vực", "Theo thủ tục", "Nguyên nhân");
        List<List<String>> units = book.get("Theo đơn vị");
        assertThat(units.getFirst()).startsWith("Đơn vị", "Mã đơn vị", "Tiếp nhận trực tiếp");
        for (Map<String, Object> s : perUnit) {
            String code = (String) ((Map<?, ?>) s.get("unit")).get("code");
            List<String> row = units.stream().filter(cells -> cells.get(1).equals(code)).findFirst().orElseThrow();
            for (int i = 0; i < figures.size(); i++) {
                assertThat(Long.parseLong(row.get(2 + i))).as(code + " " + figures.get(i)).isEqualTo(n(s, figures.get(i)));
            }
        }
        List<String> whole = units.getLast();
        assertThat(whole.getFirst()).isEqualTo("Toàn kế hoạch");
        for (int i = 0; i < figures.size(); i++) {
            assertThat(Long.parseLong(whole.get(2 + i))).as("plan " + figures.get(i)).isEqualTo(n(totals, figures.get(i)));
        }
        List<List<String>> fieldRows = book.get("Theo lĩnh vực").stream().filter(cells -> cells.getFirst().equals("Toàn kế hoạch")).toList();
        assertThat(fieldRows).hasSameSizeAs(byField);
        for (int f = 0; f < byField.size(); f++) {
            assertThat(Long.parseLong(fieldRows.get(f).get(2 + figures.indexOf("resolvedLate")))).isEqualTo(n(byField.get(f), "resolvedLate"));
        }
        assertThat(book.get("Theo thủ tục").size()).isGreaterThan(1);
        List<List<String>> causeRows = book.get("Nguyên nhân").stream().filter(cells -> cells.getFirst().equals("Toàn kế hoạch")).toList();
        assertThat(causeRows.stream().mapToLong(cells -> Long.parseLong(cells.get(3))).sum())
                .isEqualTo(causes.stream().mapToLong(c -> n(c, "count")).sum());

        byte[] csv = download(url + "?format=csv", token("lead"), 200);
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Theo đơn vị", "Sở Y tế", "Toàn kế hoạch,,", "Tiếp nhận qua bưu chính", "Nguyên nhân", "Trễ hạn");
        String totalLine = text.lines().filter(l -> l.startsWith("Toàn kế hoạch,,")).findFirst().orElseThrow();
        assertThat(totalLine).isEqualTo("Toàn kế hoạch,," + String.join(",", figures.stream().map(f -> Long.toString(n(totals, f))).toList()));
    }

    @Test
    void theExportHasThePlansAccess() throws Exception {
        String url = analysis(inspector(), null).path("inspectionPlan.statisticsExportUrl").entity(String.class).get();
        download(url + "?format=xlsx", null, 401);
        download(url + "?format=csv", token("citizen"), 403);
        download(url + "?format=csv", token("head.snv"), 404);
        download(url + "?format=pdf", token("lead"), 400);
        download("/api/inspection-plans/nonsense/statistics", token("lead"), 404);
        // a target unit's head gets their own unit's part, never the whole plan's
        Map<String, List<List<String>>> own = readXlsx(download(url, token("head.syt"), 200));
        assertThat(own.get("Theo đơn vị").subList(1, own.get("Theo đơn vị").size())).extracting(row -> row.get(1)).containsExactly("NA-SYT");
        for (List<List<String>> sheet : own.values()) {
            assertThat(sheet).noneMatch(row -> row.getFirst().equals("Toàn kế hoạch"));
        }
    }
}
