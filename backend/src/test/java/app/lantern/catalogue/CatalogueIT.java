package app.lantern.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Units, the tree across the 2025 reform, procedures, and the administrators' catalogue changes. */
class CatalogueIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    private String unitId(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = ?").param(code).query(Long.class).single());
    }

    @Test
    void aUnitHeadSeesItsSubtreeAndTheUnitsAboveButNoSiblings() {
        GraphQlTester.Response r = unitHead("NA-QUYHOP").documentName("units").variable("first", 50).execute();
        r.path("units.nodes[*].code").entityList(String.class).satisfies(codes -> {
            assertThat(codes).contains("NA", "NA-QUYHOP", "NA-QUYHOP-CHAUQUANG").doesNotContain("NA-DOLUONG", "NA-UBND", "NA-XA-QUYHOP");
            assertThat(codes).allMatch(c -> c.equals("NA") || c.startsWith("NA-QUYHOP"));
        });
        r.path("units.nodes[?(@.code == 'NA')].children[*].code").entityList(String.class).containsExactly("NA-QUYHOP");
        r.path("units.nodes[*].officials[*].idpUsername").entityList(String.class).contains("head.quyhop").doesNotContain("head.doluong");
        unitHead("NA-QUYHOP").documentName("units").variable("filter", Map.of("text", "do luong")).variable("first", 10).execute()
                .path("units.totalCount").entity(Long.class).isEqualTo(0L);
        long doLuongOfficial = jdbc.sql("select id from official where idp_username = 'head.doluong'").query(Long.class).single();
        unitHead("NA-QUYHOP").documentName("node").variable("id", NodeId.encode("Official", doLuongOfficial)).execute().path("node").valueIsNull();
        unitHead("NA-QUYHOP").documentName("node").variable("id", unitId("NA-DOLUONG")).execute().path("node").valueIsNull();
        inspector().documentName("node").variable("id", NodeId.encode("Official", doLuongOfficial)).execute()
                .path("node.fullName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
    }

    @Test
    void searchIgnoresDiacritics() {
        inspector().documentName("units").variable("filter", Map.of("text", "do luong")).variable("first", 20).execute()
                .path("units.nodes[*].code").entityList(String.class).contains("NA-DOLUONG", "NA-XA-DOLUONG", "NA-DOLUONG-TTDOLUONG");
        inspector().documentName("units").variable("filter", Map.of("text", "ĐÔ LƯƠNG", "level", "DISTRICT")).variable("first", 20).execute()
                .path("units.nodes[*].code").entityList(String.class).containsExactly("NA-DOLUONG");
        inspector().documentName("procedures").variable("filter", Map.of("text", "dang ky khai sinh", "unit", unitId("NA-DOLUONG")))
                .variable("first", 50).execute()
                .path("procedures.nodes[*].name").entityList(String.class)
                .satisfies(names -> assertThat(names).isNotEmpty().allMatch(n -> n.contains("khai sinh")));
    }

    @Test
    void theTreeAsItStoodBeforeAndAfterThe2025Reform() {
        GraphQlTester.Response before = inspector().documentName("unitTree").variable("asOf", "2024-06-01").execute();
        before.path("unitTree[*].unit.code").entityList(String.class).contains("NA-DOLUONG", "NA-DOLUONG-DASON").doesNotContain("NA-XA-DOLUONG");
        before.path("unitTree[?(@.unit.code == 'NA-DOLUONG-DASON')].depth").entityList(Integer.class).containsExactly(2);
        GraphQlTester.Response after = inspector().documentName("unitTree").variable("asOf", "2025-08-01").execute();
        after.path("unitTree[*].unit.code").entityList(String.class).contains("NA-XA-DOLUONG").doesNotContain("NA-DOLUONG", "NA-DOLUONG-DASON");
        after.path("unitTree[?(@.unit.code == 'NA-XA-DOLUONG')].depth").entityList(Integer.class).containsExactly(1);
        inspector().documentName("units").variable("filter", Map.of("text", "NA-DOLUONG-DASON")).variable("first", 1).execute()
                .path("units.nodes[0].successors[0].successor.code").entity(String.class).isEqualTo("NA-XA-DOLUONG")
                .path("units.nodes[0].successors[0].effectiveOn").entity(String.class).isEqualTo("2025-07-01");
        unitHead("NA-QUYHOP").documentName("unitTree").variable("asOf", "2024-06-01").execute()
                .path("unitTree[*].unit.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).contains("NA", "NA-QUYHOP").doesNotContain("NA-DOLUONG", "NA-SYT"));
    }

    @Test
    void proceduresByFilterAndOnlyTheCataloguesAUnitHeadMayRead() {
        inspector().documentName("procedures").variable("filter", Map.of("unit", unitId("NA-DOLUONG"), "level", "COMMUNE"))
                .variable("first", 1).execute().path("procedures.totalCount").entity(Long.class).isEqualTo(110L);
        inspector().documentName("procedures").variable("filter", Map.of("unit", unitId("NA-DOLUONG"), "reviewState", "PROPOSED_SIMPLIFICATION"))
                .variable("first", 20).execute().path("procedures.totalCount").entity(Long.class).isEqualTo(12L);
        GraphQlTester.Response mine = unitHead("NA-QUYHOP").documentName("procedures").variable("first", 5).execute();
        mine.path("procedures.totalCount").entity(Long.class).isEqualTo(347L);
        mine.path("procedures.nodes[*].unit.code").entityList(String.class).satisfies(c -> assertThat(c).containsOnly("NA-QUYHOP"));
        mine.path("procedures.nodes[0].steps[*].allowanceWorkingDays").entityList(Integer.class).hasSize(4);
        // keyset paging by name, forwards
        GraphQlTester.Response page = inspector().documentName("procedures")
                .variable("orderBy", List.of(Map.of("field", "NAME", "direction", "DESC"))).variable("first", 3).execute();
        String end = page.path("procedures.pageInfo.endCursor").entity(String.class).get();
        List<String> next = inspector().documentName("procedures").variable("orderBy", List.of(Map.of("field", "NAME", "direction", "DESC")))
                .variable("first", 3).variable("after", end).execute().path("procedures.nodes[*].name").entityList(String.class).get();
        assertThat(next).containsExactlyElementsOf(jdbc.sql("select name from procedure order by name desc, id desc offset 3 limit 3")
                .query(String.class).list());
    }

    @Test
    void administratorsCreateAndMergeUnits() {
        GraphQlTester.Response created = admin().documentName("unitCreate").variable("input", Map.of("code", "NA-TEST-XA", "name",
                "Ủy ban nhân dân xã Thử Nghiệm", "level", "COMMUNE", "parentId", unitId("NA"), "oneStopShop", true)).execute();
        created.path("unitCreate.userErrors").entityList(Object.class).hasSize(0);
        created.path("unitCreate.unit.parent.code").entity(String.class).isEqualTo("NA");
        admin().documentName("unitCreate").variable("input", Map.of("code", "NA-TEST-XA", "name", "x", "level", "COMMUNE")).execute()
                .path("unitCreate.userErrors[0].code").entity(String.class).isEqualTo("CODE_TAKEN")
                .path("unitCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "code");
        admin().documentName("unitCreate").variable("input", Map.of("code", "bad code", "name", "", "level", "COMMUNE")).execute()
                .path("unitCreate.userErrors[*].field[1]").entityList(String.class).containsExactly("code", "name")
                .path("unitCreate.unit").valueIsNull();
        GraphQlTester.Response merged = admin().documentName("unitUpdate").variable("input", Map.of("unitId", unitId("NA-TEST-XA"),
                "version", 0, "validTo", "2030-06-30", "mergedIntoId", unitId("NA-XA-DOLUONG"))).execute();
        merged.path("unitUpdate.userErrors").entityList(Object.class).hasSize(0);
        merged.path("unitUpdate.unit.successors[0].successor.code").entity(String.class).isEqualTo("NA-XA-DOLUONG");
        merged.path("unitUpdate.unit.successors[0].effectiveOn").entity(String.class).isEqualTo("2030-07-01");
        admin().documentName("unitUpdate").variable("input", Map.of("unitId", unitId("NA-TEST-XA"), "version", 0, "name", "Khác")).execute()
                .path("unitUpdate.userErrors[0].code").entity(String.class).isEqualTo("CONCURRENT_MODIFICATION");
        assertThat(jdbc.sql("select count(*) from audit_record where action in ('unit.create', 'unit.update') and object_id = 'NA-TEST-XA'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void administratorsManageOfficialsAndProcedures() {
        GraphQlTester.Response official = admin().documentName("officialCreate").variable("input", Map.of("unitId", unitId("NA-SYT"),
                "fullName", "Hồ Thị Thu", "position", "Chuyên viên", "idpUsername", "thu.ht")).execute();
        official.path("officialCreate.official.unit.code").entity(String.class).isEqualTo("NA-SYT");
        admin().documentName("officialCreate").variable("input", Map.of("unitId", unitId("NA-SYT"), "fullName", "X", "position", "Y",
                "idpUsername", "head.syt")).execute()
                .path("officialCreate.userErrors[0].code").entity(String.class).isEqualTo("USERNAME_TAKEN")
                .path("officialCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "idpUsername");
        String officialId = official.path("officialCreate.official.id").entity(String.class).get();
        admin().documentName("officialUpdate").variable("input", Map.of("officialId", officialId, "version", 0, "position", "Chuyên viên chính"))
                .execute().path("officialUpdate.official.position").entity(String.class).isEqualTo("Chuyên viên chính");

        List<Map<String, Object>> steps = List.of(Map.of("name", "Tiếp nhận", "allowanceWorkingDays", 1),
                Map.of("name", "Thẩm định", "allowanceWorkingDays", 3), Map.of("name", "Trả kết quả", "allowanceWorkingDays", 1));
        Map<String, Object> procedure = Map.of("unitId", unitId("NA-SYT"), "nationalCode", "1.TEST01", "name", "Cấp giấy phép thử nghiệm",
                "field", "HEALTH", "authorityLevel", "PROVINCE", "statutoryWorkingDays", 5, "onlineLevel", "FULL", "steps", steps);
        GraphQlTester.Response created = admin().documentName("procedureCreate").variable("input", procedure).execute();
        created.path("procedureCreate.procedure.steps[*].allowanceWorkingDays").entityList(Integer.class).containsExactly(1, 3, 1);
        Map<String, Object> wrong = new java.util.HashMap<>(procedure);
        wrong.put("nationalCode", "1.TEST02");
        wrong.put("statutoryWorkingDays", 7);
        admin().documentName("procedureCreate").variable("input", wrong).execute()
                .path("procedureCreate.userErrors[0].code").entity(String.class).isEqualTo("STEPS_DO_NOT_ADD_UP")
                .path("procedureCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "steps")
                .path("procedureCreate.procedure").valueIsNull();
        assertThat(jdbc.sql("select count(*) from procedure where national_code = '1.TEST02'").query(Long.class).single()).isZero();
        String id = created.path("procedureCreate.procedure.id").entity(String.class).get();
        admin().documentName("procedureUpdate").variable("input", Map.of("procedureId", id, "version", 0, "reviewState",
                        "PROPOSED_SIMPLIFICATION", "published", true, "statutoryWorkingDays", 4,
                        "steps", List.of(Map.of("name", "Tiếp nhận", "allowanceWorkingDays", 1), Map.of("name", "Giải quyết", "allowanceWorkingDays", 3))))
                .execute()
                .path("procedureUpdate.procedure.reviewState").entity(String.class).isEqualTo("PROPOSED_SIMPLIFICATION")
                .path("procedureUpdate.procedure.steps[*].allowanceWorkingDays").entityList(Integer.class).containsExactly(1, 3);
        admin().documentName("procedureUpdate").variable("input", Map.of("procedureId", id, "version", 0, "published", false)).execute()
                .path("procedureUpdate.userErrors[0].code").entity(String.class).isEqualTo("CONCURRENT_MODIFICATION");
    }

    @Test
    void onlyAdministratorsChangeTheCatalogue() {
        Map<String, Map<String, Object>> mutations = Map.of(
                "unitCreate", Map.of("code", "NA-NOPE", "name", "x", "level", "COMMUNE"),
                "unitUpdate", Map.of("unitId", unitId("NA"), "version", 0, "name", "x"),
                "officialCreate", Map.of("unitId", unitId("NA"), "fullName", "x", "position", "y"),
                "officialUpdate", Map.of("officialId", NodeId.encode("Official", 1), "version", 0, "fullName", "x"),
                "procedureCreate", Map.of("unitId", unitId("NA"), "nationalCode", "x", "name", "x", "field", "LAND",
                        "authorityLevel", "PROVINCE", "statutoryWorkingDays", 1, "onlineLevel", "FULL",
                        "steps", List.of(Map.of("name", "x", "allowanceWorkingDays", 1))),
                "procedureUpdate", Map.of("procedureId", NodeId.encode("Procedure", 1), "version", 0, "published", false));
        mutations.forEach((mutation, input) -> {
            for (GraphQlTester refused : List.of(inspector(), unitHead("NA-SYT"), citizen(), partner())) {
                refused.documentName(mutation).variable("input", input).execute().errors().satisfy(errors ->
                        assertThat(errors).extracting(e -> e.getErrorType()).as(mutation).containsExactly(ErrorType.FORBIDDEN));
            }
            anonymous().documentName(mutation).variable("input", input).execute().errors().satisfy(errors ->
                    assertThat(errors).extracting(e -> e.getErrorType()).as(mutation).containsExactly(ErrorType.UNAUTHORIZED));
        });
        assertThat(jdbc.sql("select count(*) from unit where code = 'NA-NOPE' or name = 'x'").query(Long.class).single()).isZero();
    }
}
