package app.lantern.inspection.finding;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.shared.graphql.NodeId;
import app.lantern.support.SqlStatementCounter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Recording, changing and withdrawing findings during fieldwork: every rule, bad input named by field, and every refusal. */
class FindingsIT extends FindingTestBase {

    // ------------------------------------------------------------------ recording

    @Test
    void aTeamMemberRecordsFindingsNumberedPerPlanWithTheirEvidenceAndOfficials() {
        PlanRef plan = planInFieldwork();
        long audits = count("select count(*) from audit_record where action = 'finding.record'");
        String dossier = dossierOf("NA-QUYHOP", 0);
        GraphQlTester.Response first = mutate(hoa(), "findingRecord", recordInput(plan, "NA-QUYHOP", "evidence", List.of(
                input("kind", "DOSSIER", "dossierId", dossier, "note", "  Quá hạn 12 ngày  "),
                input("kind", "PROCEDURE", "procedureId", procedureOf("NA-QUYHOP")))));
        first.path("findingRecord.userErrors").entityList(Object.class).hasSize(0);
        first.path("findingRecord.finding.number").entity(Integer.class).isEqualTo(1);
        first.path("findingRecord.finding.status").entity(String.class).isEqualTo("RECORDED");
        first.path("findingRecord.finding.recommendationStatus").entity(String.class).isEqualTo("OPEN");
        first.path("findingRecord.finding.overdue").entity(Boolean.class).isEqualTo(false);
        first.path("findingRecord.finding.recordedBy").entity(String.class).isEqualTo("inspector.hoa");
        first.path("findingRecord.finding.plan.number").entity(String.class).isEqualTo(plan.number());
        first.path("findingRecord.finding.unit.code").entity(String.class).isEqualTo("NA-QUYHOP");
        first.path("findingRecord.finding.responsibleOfficials[0].unit.code").entity(String.class).isEqualTo("NA-QUYHOP");
        first.path("findingRecord.finding.evidence[*].kind").entityList(String.class).containsExactly("DOSSIER", "PROCEDURE");
        first.path("findingRecord.finding.evidence[0].dossier.receiptCode").entity(String.class).isEqualTo(receiptCode(dossier));
        first.path("findingRecord.finding.evidence[0].note").entity(String.class).isEqualTo("Quá hạn 12 ngày");
        first.path("findingRecord.finding.evidence[1].procedure.nationalCode").entity(String.class).satisfies(c -> assertThat(c).isNotBlank());
        first.path("findingRecord.finding.followUp").entityList(Object.class).hasSize(0);

        // a unit within a target (a commune of Quỳ Hợp) may be responsible too; numbers go on
        GraphQlTester.Response commune = mutate(hoa(), "findingRecord", recordInput(plan, "NA-QUYHOP-TAMHOP"));
        commune.path("findingRecord.finding.number").entity(Integer.class).isEqualTo(2);
        commune.path("findingRecord.finding.unit.code").entity(String.class).isEqualTo("NA-QUYHOP-TAMHOP");
        // the lead records too; another plan numbers from 1
        findingRef(mutate(inspector(), "findingRecord", recordInput(plan, "NA-SYT")), "findingRecord");
        assertThat(record(planInFieldwork(), "NA-SYT").number()).isEqualTo(1);

        assertThat(count("select count(*) from audit_record where action = 'finding.record'")).isEqualTo(audits + 4);
        assertThat(jdbc.sql("select object_id from audit_record where action = 'finding.record' order by id desc offset 3 limit 1")
                .query(String.class).single()).isEqualTo(plan.number() + "#1");
    }

    @Test
    void badInputIsNamedByFieldAndNothingIsStored() {
        PlanRef plan = planInFieldwork();
        long findings = count("select count(*) from finding");
        long audits = count("select count(*) from audit_record");
        GraphQlTester.Response r = mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT",
                "description", " ", "recommendation", "", "remediationDeadline", today().toString(),
                "responsibleOfficialIds", List.of(officialOf("NA-SNV"), "not-an-id"),
                "evidence", List.of(
                        input("kind", "DOSSIER"),
                        input("kind", "DOSSIER", "dossierId", dossierOf("NA-QUYHOP", 0)),
                        input("kind", "DOSSIER", "dossierId", dossierOf("NA-SYT", 0), "procedureId", procedureOf("NA-SYT")),
                        input("kind", "SAMPLE_ITEM", "sampleId", NodeId.encode("DossierSample", 1), "sampleOrdinal", 1),
                        input("kind", "DOCUMENT", "documentId", NodeId.encode("EvidenceDocument", 999_999)),
                        input("kind", "PROCEDURE", "procedureId", NodeId.encode("Procedure", 999_999)),
                        input("kind", "SAMPLE_ITEM", "sampleOrdinal", 2))));
        r.path("findingRecord.finding").valueIsNull();
        r.path("findingRecord.userErrors[*].field").entityList(Object.class).satisfies(fields -> assertThat(fields).containsExactlyInAnyOrder(
                List.of("input", "description"), List.of("input", "recommendation"), List.of("input", "remediationDeadline"),
                List.of("input", "responsibleOfficialIds", "0"), List.of("input", "responsibleOfficialIds", "1"),
                List.of("input", "evidence", "0", "dossierId"), List.of("input", "evidence", "1", "dossierId"),
                List.of("input", "evidence", "2", "procedureId"), List.of("input", "evidence", "3", "sampleId"),
                List.of("input", "evidence", "4", "documentId"), List.of("input", "evidence", "5", "procedureId"),
                List.of("input", "evidence", "6", "sampleId")));
        r.path("findingRecord.userErrors[*].code").entityList(String.class).satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder(
                "REQUIRED", "REQUIRED", "NOT_AFTER_TODAY", "NOT_OF_UNIT", "NOT_FOUND", "REQUIRED", "NOT_OF_UNIT", "NOT_FOR_KIND",
                "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "REQUIRED"));

        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of())), "findingRecord",
                "REQUIRED", "input", "evidence");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "unitId", unitId("NA-SNV"))), "findingRecord",
                "NOT_A_TARGET", "input", "unitId");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "unitId", NodeId.encode("Dossier", 1))), "findingRecord",
                "NOT_FOUND", "input", "unitId");
        String dossier = dossierOf("NA-SYT", 0);
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(input("kind", "DOSSIER", "dossierId", dossier),
                input("kind", "DOSSIER", "dossierId", dossier)))), "findingRecord", "DUPLICATE", "input", "evidence", "1", "dossierId");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "responsibleOfficialIds",
                List.of(officialOf("NA-SYT"), officialOf("NA-SYT")))), "findingRecord", "DUPLICATE", "input", "responsibleOfficialIds", "1");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "remediationDeadline", today().minusDays(1).toString())),
                "findingRecord", "NOT_AFTER_TODAY", "input", "remediationDeadline");
        // an official of a unit within the responsible one is fine; a deadline tomorrow is after today
        findingRef(mutate(hoa(), "findingRecord", recordInput(plan, "NA-QUYHOP", "responsibleOfficialIds", List.of(officialOf("NA-QUYHOP-TAMHOP")),
                "remediationDeadline", today().plusDays(1).toString())), "findingRecord");

        assertThat(count("select count(*) from finding")).isEqualTo(findings + 1);
        assertThat(count("select count(*) from audit_record")).isEqualTo(audits + 1);
    }

    @Test
    void anExaminedSampleItemIsEvidenceShowingItsSampleItsExaminationAndItsDossier() {
        PlanRef plan = planInFieldwork();
        SampleRef syt = drawSample(plan, "NA-SYT", 3);
        hoa().documentName("dossierSampleExamine").variable("input", input("sampleId", syt.id(), "ordinal", 2, "result", "NON_COMPLIANT",
                "note", "Không có phiếu hẹn trả kết quả")).execute().path("dossierSampleExamine.userErrors").entityList(Object.class).hasSize(0);

        GraphQlTester.Response recorded = mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(
                sampleItem(syt, 2, "note", "Hồ sơ mẫu số 2"), input("kind", "DOSSIER", "dossierId", syt.dossierIds().get(0)))));
        FindingRef finding = findingRef(recorded, "findingRecord");
        recorded.path("findingRecord.finding.evidence[0].kind").entity(String.class).isEqualTo("SAMPLE_ITEM");
        recorded.path("findingRecord.finding.evidence[0].note").entity(String.class).isEqualTo("Hồ sơ mẫu số 2");
        recorded.path("findingRecord.finding.evidence[0].sample.id").entity(String.class).isEqualTo(syt.id());
        recorded.path("findingRecord.finding.evidence[0].sample.name").entity(String.class).isEqualTo("Hồ sơ mẫu NA-SYT");
        recorded.path("findingRecord.finding.evidence[0].sampleItem.ordinal").entity(Integer.class).isEqualTo(2);
        recorded.path("findingRecord.finding.evidence[0].sampleItem.result").entity(String.class).isEqualTo("NON_COMPLIANT");
        recorded.path("findingRecord.finding.evidence[0].sampleItem.note").entity(String.class).isEqualTo("Không có phiếu hẹn trả kết quả");
        String sampled = receiptCode(syt.dossierIds().get(1));
        recorded.path("findingRecord.finding.evidence[0].sampleItem.dossier.receiptCode").entity(String.class).isEqualTo(sampled);
        recorded.path("findingRecord.finding.evidence[0].dossier.receiptCode").entity(String.class).isEqualTo(sampled);
        // a dossier linked directly shows no sample
        recorded.path("findingRecord.finding.evidence[1].sample").valueIsNull();
        recorded.path("findingRecord.finding.evidence[1].sampleItem").valueIsNull();
        assertThat(jdbc.sql("select sample_id, sample_ordinal, dossier_id from finding_evidence where finding_id = :f and kind = 'SAMPLE_ITEM'")
                .param("f", NodeId.longKey(finding.id(), "Finding")).query().singleRow()).isEqualTo(Map.of(
                "sample_id", NodeId.longKey(syt.id(), "DossierSample"), "sample_ordinal", 2,
                "dossier_id", NodeId.longKey(syt.dossierIds().get(1), "Dossier")));
        assertThat(jdbc.sql("select details::text from audit_record where action = 'finding.record' and object_id = :o")
                .param("o", plan.number() + "#1").query(String.class).single())
                .contains("SAMPLE_ITEM:" + NodeId.longKey(syt.id(), "DossierSample") + "#2");

        // the team reads it back; once concluded, the unit's head sees the item, its examination and the dossier, not the sample
        GraphQlTester.Response team = hoa().documentName("findingEvidence").variable("id", finding.id()).execute();
        team.path("node.evidence[0].sample.name").entity(String.class).isEqualTo("Hồ sơ mẫu NA-SYT");
        team.path("node.evidence[0].sampleItem.dossier.receiptCode").entity(String.class).isEqualTo(sampled);
        conclude(plan);
        GraphQlTester.Response head = unitHead("NA-SYT").documentName("findingEvidence").variable("id", finding.id()).execute();
        head.path("node.evidence[0].sample").valueIsNull();
        head.path("node.evidence[0].sampleItem.ordinal").entity(Integer.class).isEqualTo(2);
        head.path("node.evidence[0].sampleItem.result").entity(String.class).isEqualTo("NON_COMPLIANT");
        head.path("node.evidence[0].sampleItem.dossier.receiptCode").entity(String.class).isEqualTo(sampled);
        head.path("node.evidence[0].dossier.receiptCode").entity(String.class).isEqualTo(sampled);
        unitHead("NA-QUYHOP").documentName("findingEvidence").variable("id", finding.id()).execute().path("node").valueIsNull();
    }

    @Test
    void sampleItemEvidenceMustBeAnItemOfThisPlansSamplesWithADossierOfTheUnit() {
        PlanRef plan = planInFieldwork();
        SampleRef syt = drawSample(plan, "NA-SYT", 3);
        SampleRef quyhop = drawSample(plan, "NA-QUYHOP", 2);
        SampleRef otherPlans = drawSample(planInFieldwork(), "NA-SYT", 1);
        long findings = count("select count(*) from finding");
        long evidence = count("select count(*) from finding_evidence");

        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(sampleItem(otherPlans, 1)))),
                "findingRecord", "NOT_FOUND", "input", "evidence", "0", "sampleId");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(sampleItem(syt, 4)))),
                "findingRecord", "NOT_FOUND", "input", "evidence", "0", "sampleOrdinal");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(
                        input("kind", "SAMPLE_ITEM", "sampleId", NodeId.encode("Dossier", 1), "sampleOrdinal", 1)))),
                "findingRecord", "NOT_FOUND", "input", "evidence", "0", "sampleId");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(sampleItem(syt, 1), sampleItem(quyhop, 1)))),
                "findingRecord", "NOT_OF_UNIT", "input", "evidence", "1", "sampleOrdinal");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(sampleItem(syt, 1), sampleItem(syt, 1)))),
                "findingRecord", "DUPLICATE", "input", "evidence", "1", "sampleOrdinal");
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(
                        input("kind", "SAMPLE_ITEM", "sampleId", syt.id())))),
                "findingRecord", "REQUIRED", "input", "evidence", "0", "sampleOrdinal");
        assertThat(count("select count(*) from finding")).isEqualTo(findings);
        assertThat(count("select count(*) from finding_evidence")).isEqualTo(evidence);

        // the same item of another unit's sample is fine for that unit, on an update too
        FindingRef finding = findingRef(mutate(hoa(), "findingRecord", recordInput(plan, "NA-QUYHOP", "evidence",
                List.of(sampleItem(quyhop, 1)))), "findingRecord");
        userError(mutate(hoa(), "findingUpdate", updateInput(finding, "evidence", List.of(sampleItem(syt, 1)))), "findingUpdate",
                "NOT_OF_UNIT", "input", "evidence", "0", "sampleOrdinal");
        mutate(hoa(), "findingUpdate", updateInput(finding, "evidence", List.of(sampleItem(quyhop, 2))))
                .path("findingUpdate.finding.evidence[0].sampleItem.ordinal").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void findingsAreRecordedAndChangedDuringFieldworkOnly() {
        PlanRef draft = planRef(inspector().documentName("inspectionPlanCreate").variable("input", input("number",
                "1/KH-FIND-DRAFT-" + System.nanoTime() % 100000, "title", "Kế hoạch nháp", "issuingAuthority", "Thanh tra tỉnh")).execute(),
                "inspectionPlanCreate");
        userError(mutate(inspector(), "findingRecord", recordInput(draft, "NA-SYT")), "findingRecord", "PLAN_NOT_IN_PROGRESS");

        PlanRef plan = planInFieldwork();
        FindingRef finding = record(plan, "NA-SYT");
        conclude(plan);
        userError(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT")), "findingRecord", "PLAN_NOT_IN_PROGRESS");
        userError(mutate(hoa(), "findingUpdate", updateInput(finding)), "findingUpdate", "PLAN_NOT_IN_PROGRESS");
        userError(mutate(hoa(), "findingWithdraw", action(finding, "Ghi nhầm đơn vị chịu trách nhiệm")), "findingWithdraw",
                "PLAN_NOT_IN_PROGRESS");
    }

    private Map<String, Object> updateInput(FindingRef finding, Object... overrides) {
        Map<String, Object> input = input("findingId", finding.id(), "version", finding.version(), "category", "MISSING_APOLOGY",
                "severity", "SERIOUS", "description", "Hồ sơ quá hạn không có văn bản xin lỗi",
                "evidence", List.of(input("kind", "PROCEDURE", "procedureId", procedureOf("NA-SYT"), "note", "Thủ tục liên quan")),
                "recommendation", "Ban hành văn bản xin lỗi người dân", "remediationDeadline", today().plusMonths(6).toString());
        input.putAll(input(overrides));
        return input;
    }

    // ------------------------------------------------------------------ changing and withdrawing

    @Test
    void anUpdateReplacesTheContentKeepsTheReplacedEvidenceOnRecordAndChecksTheVersion() {
        PlanRef plan = planInFieldwork();
        FindingRef finding = record(plan, "NA-SYT");
        GraphQlTester.Response updated = mutate(inspector(), "findingUpdate", updateInput(finding));
        updated.path("findingUpdate.finding.category").entity(String.class).isEqualTo("MISSING_APOLOGY");
        updated.path("findingUpdate.finding.severity").entity(String.class).isEqualTo("SERIOUS");
        updated.path("findingUpdate.finding.evidence[*].kind").entityList(String.class).containsExactly("PROCEDURE");
        updated.path("findingUpdate.finding.responsibleOfficials").entityList(Object.class).hasSize(0);
        updated.path("findingUpdate.finding.number").entity(Integer.class).isEqualTo(1);
        FindingRef after = findingRef(updated, "findingUpdate");
        assertThat(after.version()).isEqualTo(finding.version() + 1);
        long key = NodeId.longKey(finding.id(), "Finding");
        assertThat(jdbc.sql("select count(*) from finding_evidence where finding_id = :f and removed_at is not null and kind = 'DOSSIER'")
                .param("f", key).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from finding_official where finding_id = :f and removed_at is not null")
                .param("f", key).query(Long.class).single()).isEqualTo(1L);

        GraphQlTester.Response stale = mutate(hoa(), "findingUpdate", updateInput(finding, "description", "Khác hẳn"));
        userError(stale, "findingUpdate", "CONCURRENT_MODIFICATION", "input", "version");
        userError(mutate(hoa(), "findingUpdate", updateInput(after, "evidence", List.of(input("kind", "DOSSIER", "dossierId",
                dossierOf("NA-QUYHOP", 0))))), "findingUpdate", "NOT_OF_UNIT", "input", "evidence", "0", "dossierId");
        assertThat(jdbc.sql("select description from finding where id = :f").param("f", key).query(String.class).single())
                .isEqualTo("Hồ sơ quá hạn không có văn bản xin lỗi");
        assertThat(jdbc.sql("select action from audit_record where object_id = :o order by id").param("o", plan.number() + "#1")
                .query(String.class).list()).containsExactly("finding.record", "finding.update");
        // the earlier wording stays recoverable from the audit trail
        assertThat(jdbc.sql("""
                        select details->'before'->>'description', details->'before'->>'recommendation', details->'before'->>'category',
                            details->'before'->'evidence'->>0, details->'after'->>'description', details->'after'->>'recommendation',
                            details->'after'->>'severity'
                        from audit_record where object_id = :o and action = 'finding.update'""")
                .param("o", plan.number() + "#1").query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).single())
                .containsExactly("Hồ sơ đất đai giải quyết quá hạn", "Rà soát quy trình nội bộ và báo cáo kết quả khắc phục", "LATE_HANDLING",
                        "DOSSIER:" + NodeId.longKey(dossierOf("NA-SYT", 0), "Dossier") + " (Quá hạn 12 ngày)",
                        "Hồ sơ quá hạn không có văn bản xin lỗi", "Ban hành văn bản xin lỗi người dân", "SERIOUS");
    }

    @Test
    void aWithdrawnFindingStaysOnRecordWithItsReasonAndCannotChange() {
        PlanRef plan = planInFieldwork();
        FindingRef finding = record(plan, "NA-SYT");
        FindingRef kept = record(plan, "NA-SYT");
        userError(mutate(hoa(), "findingWithdraw", action(finding, "")), "findingWithdraw", "REQUIRED", "input", "text");
        userError(mutate(hoa(), "findingWithdraw", action(finding, "Sai")), "findingWithdraw", "NOT_SPECIFIC", "input", "text");
        GraphQlTester.Response withdrawn = mutate(hoa(), "findingWithdraw", action(finding, "Trùng với phát hiện số 2"));
        withdrawn.path("findingWithdraw.finding.status").entity(String.class).isEqualTo("WITHDRAWN");
        withdrawn.path("findingWithdraw.finding.withdrawalReason").entity(String.class).isEqualTo("Trùng với phát hiện số 2");
        FindingRef after = findingRef(withdrawn, "findingWithdraw");

        userError(mutate(hoa(), "findingWithdraw", action(after, "Rút thêm lần nữa")), "findingWithdraw", "FINDING_WITHDRAWN");
        userError(mutate(hoa(), "findingUpdate", updateInput(after)), "findingUpdate", "FINDING_WITHDRAWN");
        hoa().documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                .path("inspectionPlan.findings[*].number").entityList(Integer.class).containsExactly(kept.number());
        hoa().documentName("inspectionPlanFindings").variable("number", plan.number()).variable("filter", Map.of("includeWithdrawn", true))
                .execute().path("inspectionPlan.findings[*].status").entityList(String.class).containsExactly("WITHDRAWN", "RECORDED");
        assertThat(jdbc.sql("select count(*) from finding where id = :f").param("f", NodeId.longKey(finding.id(), "Finding"))
                .query(Long.class).single()).isEqualTo(1L);
    }

    // ------------------------------------------------------------------ who may change findings

    @Test
    void onlyTheTeamRecordsAndChangesFindings() {
        PlanRef plan = planInFieldwork();
        FindingRef finding = record(plan, "NA-SYT");
        long findings = count("select count(*) from finding");
        GraphQlTester.Response outsider = mutate(otherInspector(), "findingRecord", recordInput(plan, "NA-SYT"));
        userError(outsider, "findingRecord", "NOT_FOUND", "input", "planId");
        userError(mutate(otherInspector(), "findingUpdate", updateInput(finding)), "findingUpdate", "NOT_FOUND", "input", "findingId");
        userError(mutate(otherInspector(), "findingWithdraw", action(finding, "Không thuộc phạm vi thanh tra")), "findingWithdraw",
                "NOT_FOUND", "input", "findingId");
        for (HttpGraphQlTester refused : List.of(admin(), unitHead("NA-SYT"), citizen(), partner())) {
            refusedWith(mutate(refused, "findingRecord", recordInput(plan, "NA-SYT")), ErrorType.FORBIDDEN, "");
            refusedWith(mutate(refused, "findingUpdate", updateInput(finding)), ErrorType.FORBIDDEN, "");
            refusedWith(mutate(refused, "findingWithdraw", action(finding, "Không thuộc phạm vi thanh tra")), ErrorType.FORBIDDEN, "");
        }
        refusedWith(mutate(anonymous(), "findingRecord", recordInput(plan, "NA-SYT")), ErrorType.UNAUTHORIZED, "");
        assertThat(count("select count(*) from finding")).isEqualTo(findings);
    }

    // ------------------------------------------------------------------ who sees findings

    @Test
    void theTeamSeesEveryFindingAndTargetUnitHeadsOnlyTheirOwnAndOnlyOnceConcluded() {
        PlanRef plan = planInFieldwork();
        FindingRef syt = record(plan, "NA-SYT");
        FindingRef quyhop = record(plan, "NA-QUYHOP");
        FindingRef commune = record(plan, "NA-QUYHOP-TAMHOP");
        FindingRef withdrawn = record(plan, "NA-SYT");
        findingRef(mutate(hoa(), "findingWithdraw", action(withdrawn, "Ghi trùng phát hiện số 1")), "findingWithdraw");

        for (HttpGraphQlTester team : List.of(inspector(), hoa())) {
            team.documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                    .path("inspectionPlan.findings[*].number").entityList(Integer.class).containsExactly(1, 2, 3);
            team.documentName("findingNode").variable("id", quyhop.id()).execute().path("node.number").entity(Integer.class).isEqualTo(2);
        }
        // before the conclusion no unit head sees a finding: target units' heads see the approved plan (their part), not its findings
        for (String head : List.of("NA-SYT", "NA-QUYHOP")) {
            unitHead(head).documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                    .path("inspectionPlan.findings").entityList(Object.class).hasSize(0);
        }
        unitHead("NA-QUYHOP-TAMHOP").documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                .path("inspectionPlan").valueIsNull();
        for (String head : List.of("NA-SYT", "NA-QUYHOP", "NA-QUYHOP-TAMHOP")) {
            for (FindingRef f : List.of(syt, quyhop, commune)) {
                unitHead(head).documentName("findingNode").variable("id", f.id()).execute().path("node").valueIsNull();
            }
        }
        // off the team, an administrator sees neither the plan in fieldwork nor its findings
        for (HttpGraphQlTester outsider : List.of(otherInspector(), admin())) {
            outsider.documentName("findingNode").variable("id", syt.id()).execute().path("node").valueIsNull();
            outsider.documentName("inspectionPlanFindings").variable("number", plan.number()).execute().path("inspectionPlan").valueIsNull();
        }

        conclude(plan);
        GraphQlTester.Response sytHead = unitHead("NA-SYT").documentName("inspectionPlanFindings").variable("number", plan.number())
                .variable("filter", Map.of("includeWithdrawn", true)).execute();
        sytHead.path("inspectionPlan.findings[*].unit.code").entityList(String.class).containsExactly("NA-SYT");
        unitHead("NA-SYT").documentName("findingNode").variable("id", syt.id()).execute().path("node.plan.number").entity(String.class)
                .isEqualTo(plan.number());
        unitHead("NA-SYT").documentName("findingNode").variable("id", quyhop.id()).execute().path("node").valueIsNull();
        unitHead("NA-SYT").documentName("findingNode").variable("id", withdrawn.id()).execute().path("node").valueIsNull();
        unitHead("NA-QUYHOP").documentName("inspectionPlanFindings").variable("number", plan.number()).execute()
                .path("inspectionPlan.findings[*].unit.code").entityList(String.class).containsExactly("NA-QUYHOP", "NA-QUYHOP-TAMHOP");
        unitHead("NA-QUYHOP").documentName("inspectionPlanFindings").variable("number", plan.number())
                .variable("filter", Map.of("unitId", unitId("NA-QUYHOP-TAMHOP"))).execute()
                .path("inspectionPlan.findings[*].number").entityList(Integer.class).containsExactly(3);
        // the head of a commune within a target sees its own finding (and the plan through it), not its district's
        unitHead("NA-QUYHOP-TAMHOP").documentName("findingNode").variable("id", commune.id()).execute()
                .path("node.plan.number").entity(String.class).isEqualTo(plan.number());
        unitHead("NA-QUYHOP-TAMHOP").documentName("findingNode").variable("id", quyhop.id()).execute().path("node").valueIsNull();
        // heads of units the plan does not target, and inspectors off the team, still see nothing
        for (HttpGraphQlTester outsider : List.of(unitHead("NA-SNV"), unitHead("NA-UBND"), otherInspector())) {
            for (FindingRef f : List.of(syt, quyhop, commune)) {
                outsider.documentName("findingNode").variable("id", f.id()).execute().path("node").valueIsNull();
            }
        }
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refusedWith(refused.documentName("findingNode").variable("id", syt.id()).execute(), ErrorType.FORBIDDEN, "node");
        }
        refusedWith(anonymous().documentName("findingNode").variable("id", syt.id()).execute(), ErrorType.UNAUTHORIZED, "node");
    }

    @Test
    void findingsWithEvidenceAndOfficialsCostAFixedNumberOfStatementsHoweverManyPlans() {
        for (int i = 0; i < 3; i++) {
            PlanRef plan = planInFieldwork();
            SampleRef sample = drawSample(plan, "NA-SYT", 2);
            findingRef(mutate(hoa(), "findingRecord", recordInput(plan, "NA-SYT", "evidence", List.of(
                    input("kind", "DOSSIER", "dossierId", dossierOf("NA-SYT", i)),
                    input("kind", "PROCEDURE", "procedureId", procedureOf("NA-SYT")),
                    sampleItem(sample, 1), sampleItem(sample, 2)))), "findingRecord");
            findingRef(mutate(hoa(), "findingRecord", recordInput(plan, "NA-QUYHOP", "responsibleOfficialIds",
                    List.of(officialOf("NA-QUYHOP"), officialOf("NA-QUYHOP-TAMHOP")))), "findingRecord");
        }
        hoa().documentName("inspectionPlansFindings").variable("first", 1).execute();
        long before1 = SqlStatementCounter.count();
        hoa().documentName("inspectionPlansFindings").variable("first", 1).execute()
                .path("inspectionPlans.nodes[*].findings[*]").entityList(Object.class).hasSize(2);
        long for1 = SqlStatementCounter.count() - before1;
        long before3 = SqlStatementCounter.count();
        GraphQlTester.Response three = hoa().documentName("inspectionPlansFindings").variable("first", 3).execute();
        long for3 = SqlStatementCounter.count() - before3;
        three.path("inspectionPlans.nodes[*].findings[*]").entityList(Object.class).hasSize(6);
        three.path("inspectionPlans.nodes[*].findings[*].evidence[*].dossier.receiptCode").entityList(String.class).hasSize(12);
        three.path("inspectionPlans.nodes[*].findings[*].evidence[*].sample.name").entityList(String.class).hasSize(6);
        three.path("inspectionPlans.nodes[*].findings[*].evidence[*].sampleItem.dossier.receiptCode").entityList(String.class).hasSize(6);
        three.path("inspectionPlans.nodes[*].findings[*].responsibleOfficials[*].fullName").entityList(String.class).hasSize(9);
        assertThat(for3).as("statements for 3 plans with 6 findings").isEqualTo(for1);
        System.out.printf("findings N+1 check: %d statements for 1 plan, %d for 3 plans%n", for1, for3);
        assertThat(for1).as("statements for one plan with its findings and every nested field").isLessThanOrEqualTo(18);
    }
}
