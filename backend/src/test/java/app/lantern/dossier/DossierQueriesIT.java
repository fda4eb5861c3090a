package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import app.lantern.support.SqlStatementCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading dossiers over HTTP: scoping, personal data, filters, paging, the constant cost of a page. */
class DossierQueriesIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String dossierIn(String unitPrefix) {
        return jdbc.sql("select d.receipt_code from dossier d join unit u on u.id = d.unit_id where u.code like :p"
                        + " and d.identity_number is not null order by d.id limit 1")
                .param("p", unitPrefix + "%").query(String.class).single();
    }

    private long idOf(String code) {
        return jdbc.sql("select id from dossier where receipt_code = ?").param(code).query(Long.class).single();
    }

    @Test
    void inspectorsSeeEveryDossierWithItsApplicant() {
        long total = count("select count(*) from dossier");
        GraphQlTester.Response response = inspector().documentName("dossiers").variable("first", 5).execute();
        response.path("dossiers.totalCount").entity(Long.class).isEqualTo(total);
        response.path("dossiers.nodes[*].applicant.name").entityList(String.class).hasSize(5);
    }

    @Test
    void unitHeadsSeeOnlyTheirSubtree() {
        long quyHop = count("select count(*) from dossier d join unit u on u.id = d.unit_id where u.code like 'NA-QUYHOP%'");
        assertThat(quyHop).isPositive();
        GraphQlTester.Response response = unitHead("NA-QUYHOP").documentName("dossiers").variable("first", 60).execute();
        response.path("dossiers.totalCount").entity(Long.class).isEqualTo(quyHop);
        response.path("dossiers.nodes[*].unit.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).allMatch(code -> code.startsWith("NA-QUYHOP")));
        response.path("dossiers.nodes[*].applicant.name").entityList(String.class).hasSize(60);
    }

    @Test
    void anotherUnitsDossierIsInvisibleByIdByCodeAndByProcedure() {
        String doLuong = dossierIn("NA-DOLUONG");
        String id = NodeId.encode("Dossier", idOf(doLuong));
        unitHead("NA-QUYHOP").documentName("node").variable("id", id).execute().path("node").valueIsNull();
        unitHead("NA-QUYHOP").documentName("dossierDetail").variable("code", doLuong).execute().path("dossier").valueIsNull();
        unitHead("NA-DOLUONG").documentName("node").variable("id", id).execute()
                .path("node.receiptCode").entity(String.class).isEqualTo(doLuong)
                .path("node.applicant.name").entity(String.class).satisfies(name -> assertThat(name).isNotBlank());

        long procedure = jdbc.sql("select procedure_id from dossier where receipt_code = ?").param(doLuong).query(Long.class).single();
        Map<String, Object> byProcedure = Map.of("procedure", NodeId.encode("Procedure", procedure));
        unitHead("NA-QUYHOP").documentName("dossiers").variable("filter", byProcedure).variable("first", 10).execute()
                .path("dossiers.totalCount").entity(Long.class).isEqualTo(0L);
        unitHead("NA-QUYHOP").documentName("node").variable("id", NodeId.encode("Procedure", procedure)).execute()
                .path("node").valueIsNull();
        unitHead("NA-QUYHOP").documentName("dossierCounts").variable("filter", byProcedure).execute()
                .path("dossierCountsByStatus[*].count").entityList(Long.class)
                .satisfies(counts -> assertThat(counts).containsOnly(0L));
        inspector().documentName("dossiers").variable("filter", byProcedure).variable("first", 1).execute()
                .path("dossiers.totalCount").entity(Long.class).satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void administratorsSeeDossiersButNotApplicants() {
        String code = dossierIn("NA-DOLUONG");
        admin().documentName("dossierDetail").variable("code", code).execute()
                .path("dossier.receiptCode").entity(String.class).isEqualTo(code)
                .path("dossier.applicant").valueIsNull();
        inspector().documentName("dossierDetail").variable("code", code).execute()
                .path("dossier.applicant.identityNumber").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
    }

    @Test
    void theDetailShowsTheTimelineAndTheCatalogue() {
        String code = jdbc.sql("select receipt_code from dossier where status = 'RETURNED' and late and apology_issued_at is not null"
                + " order by id limit 1").query(String.class).single();
        GraphQlTester.Response response = inspector().documentName("dossierDetail").variable("code", code).execute();
        response.path("dossier.late").entity(Boolean.class).isEqualTo(true);
        response.path("dossier.apology.newAppointmentDate").entity(String.class).satisfies(d -> assertThat(d).isNotBlank());
        response.path("dossier.events[0].transition").entity(String.class).isEqualTo("RECEIVE");
        response.path("dossier.events[*].transition").entityList(String.class).contains("ISSUE_APOLOGY", "RESOLVE", "RETURN");
        response.path("dossier.procedure.steps").entityList(Object.class).hasSize(4);
        response.path("dossier.events[0].official.fullName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
    }

    @Test
    void filtersAgreeWithTheRulesInSql() {
        assertFilter(Map.of("late", true), "select count(*) from dossier where late");
        assertFilter(Map.of("open", true), "select count(*) from dossier where status in ('RECEIVED','PROCESSING','SUPPLEMENT_REQUESTED')");
        assertFilter(Map.of("status", List.of("REJECTED", "WITHDRAWN")), "select count(*) from dossier where status in ('REJECTED','WITHDRAWN')");
        assertFilter(Map.of("carriedOverAt", "2021-07-15"), "select count(*) from dossier where received_at < timestamptz '2021-07-15T00:00:00+07'"
                + " and (closed_at is null or closed_at >= timestamptz '2021-07-15T00:00:00+07')");
        assertFilter(Map.of("receivedFrom", "2023-01-01", "receivedTo", "2023-12-31", "channel", "ONLINE"),
                "select count(*) from dossier where channel = 'ONLINE' and received_at >= timestamptz '2023-01-01T00:00:00+07'"
                        + " and received_at < timestamptz '2024-01-01T00:00:00+07'");
        assertFilter(Map.of("field", "LAND"), "select count(*) from dossier d join procedure p on p.id = d.procedure_id where p.field = 'LAND'");
        assertFilter(Map.of("overdue", true), "select count(*) from dossier where status in ('RECEIVED','PROCESSING')"
                + " and due_date < (now() at time zone 'Asia/Ho_Chi_Minh')::date");
        long unit = jdbc.sql("select id from unit where code = 'NA-QUYHOP'").query(Long.class).single();
        assertFilter(Map.of("unit", NodeId.encode("Unit", unit), "includeSubunits", false),
                "select count(*) from dossier where unit_id = " + unit);
        assertFilter(Map.of("unit", NodeId.encode("Unit", unit)),
                "select count(*) from dossier d join unit u on u.id = d.unit_id where u.code like 'NA-QUYHOP%'");
    }

    private void assertFilter(Map<String, Object> filter, String sql) {
        long expected = count(sql);
        assertThat(expected).as(sql).isPositive();
        inspector().documentName("dossiers").variable("filter", filter).variable("first", 1).execute()
                .path("dossiers.totalCount").entity(Long.class).isEqualTo(expected);
    }

    @Test
    void countsByStatusAddUpAndIgnoreTheStatusFilter() {
        Map<String, Object> filter = Map.of("status", List.of("RETURNED"), "receivedFrom", "2022-01-01", "receivedTo", "2022-12-31");
        GraphQlTester.Response response = inspector().documentName("dossierCounts").variable("filter", filter).execute();
        response.path("dossierCountsByStatus[*].status").entityList(String.class).hasSize(DossierStatus.values().length);
        long expected = count("select count(*) from dossier where received_at >= timestamptz '2022-01-01T00:00:00+07'"
                + " and received_at < timestamptz '2023-01-01T00:00:00+07'");
        response.path("dossierCountsByStatus[*].count").entityList(Long.class)
                .satisfies(counts -> assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(expected));
    }

    @Test
    void keysetPagesFollowOnAndGoBack() {
        List<Map<String, Object>> order = List.of(Map.of("field", "DUE_DATE", "direction", "ASC"),
                Map.of("field", "RECEIPT_CODE", "direction", "DESC"));
        Map<String, Object> filter = Map.of("unit", NodeId.encode("Unit",
                jdbc.sql("select id from unit where code = 'NA-TANKY'").query(Long.class).single()));
        GraphQlTester.Response first = inspector().documentName("dossiers").variable("filter", filter).variable("orderBy", order)
                .variable("first", 7).execute();
        List<String> page1 = first.path("dossiers.nodes[*].receiptCode").entityList(String.class).get();
        String end = first.path("dossiers.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = inspector().documentName("dossiers").variable("filter", filter).variable("orderBy", order)
                .variable("first", 7).variable("after", end).execute();
        List<String> page2 = second.path("dossiers.nodes[*].receiptCode").entityList(String.class).get();
        List<String> expected = jdbc.sql("select d.receipt_code from dossier d join unit u on u.id = d.unit_id where u.code like 'NA-TANKY%'"
                + " order by d.due_date asc, d.receipt_code desc, d.id desc limit 14").query(String.class).list();
        assertThat(page1).containsExactlyElementsOf(expected.subList(0, 7));
        assertThat(page2).containsExactlyElementsOf(expected.subList(7, 14));
        String start2 = second.path("dossiers.pageInfo.startCursor").entity(String.class).get();
        inspector().documentName("dossiers").variable("filter", filter).variable("orderBy", order).variable("last", 7)
                .variable("before", start2).execute()
                .path("dossiers.nodes[*].receiptCode").entityList(String.class).containsExactly(page1.toArray(String[]::new));
    }

    @Test
    void aPageCostsTheSameNumberOfStatementsFor10And100Dossiers() {
        inspector().documentName("dossierPage").variable("first", 5).execute().path("dossiers.nodes").entityList(Object.class).hasSize(5);
        long before10 = SqlStatementCounter.count();
        inspector().documentName("dossierPage").variable("first", 10).execute().path("dossiers.nodes").entityList(Object.class).hasSize(10);
        long for10 = SqlStatementCounter.count() - before10;
        long before100 = SqlStatementCounter.count();
        inspector().documentName("dossierPage").variable("first", 100).execute()
                .path("dossiers.nodes[*].procedure.name").entityList(String.class).hasSize(100)
                .path("dossiers.nodes[*].events[0].transition").entityList(String.class).hasSize(100);
        long for100 = SqlStatementCounter.count() - before100;
        assertThat(for100).as("statements for 100 dossiers").isEqualTo(for10).isLessThanOrEqualTo(8);
    }

    @Test
    void textSearchIgnoresCaseAndDiacriticsAndRespectsWhoSeesApplicants() {
        String name = jdbc.sql("select applicant_name from dossier where applicant_kind = 'PERSON' and applicant_name like '%ư%'"
                + " and unit_id in (select id from unit where code like 'NA-QUYHOP%') order by id limit 1").query(String.class).single();
        String plain = jdbc.sql("select upper(unaccent(?))").param(name).query(String.class).single();
        long expected = count("select count(*) from dossier d where lantern_fold(d.applicant_name) like '%' || lantern_fold('" + name + "') || '%'"
                + " or lower(d.receipt_code) like '%' || lower('" + name + "') || '%'"
                + " or d.procedure_id in (select id from procedure where lantern_fold(name) like '%' || lantern_fold('" + name + "') || '%')");
        inspector().documentName("dossiers").variable("filter", Map.of("text", plain)).variable("first", 60).execute()
                .path("dossiers.totalCount").entity(Long.class).isEqualTo(expected)
                .path("dossiers.nodes[*].applicant.name").entityList(String.class).contains(name);
        admin().documentName("dossiers").variable("filter", Map.of("text", plain)).variable("first", 1).execute()
                .path("dossiers.totalCount").entity(Long.class).isEqualTo(0L);
        String code = dossierIn("NA-QUYHOP");
        inspector().documentName("dossiers").variable("filter", Map.of("text", code.toLowerCase())).variable("first", 5).execute()
                .path("dossiers.nodes[*].receiptCode").entityList(String.class).containsExactly(code);
        inspector().documentName("dossiers").variable("filter", Map.of("text", "dang ky khai sinh")).variable("first", 5).execute()
                .path("dossiers.totalCount").entity(Long.class).satisfies(n -> assertThat(n).isPositive());
        inspector().documentName("dossiers").variable("filter", Map.of("text", "100%_")).variable("first", 5).execute()
                .path("dossiers.totalCount").entity(Long.class).isEqualTo(0L);
    }
}
