package app.lantern.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The self-inspection reports in a unit head's inspection inbox: what the unit must write, created when needed, and nobody else's. */
class SelfReportInboxIT extends InspectionFixtures {

    private static final ParameterizedTypeReference<Map<String, Object>> ROW = new ParameterizedTypeReference<>() { };

    private List<Map<String, Object>> inbox(HttpGraphQlTester caller) {
        return caller.documentName("inspectionInboxSelfReports").execute().path("inspectionInbox.selfReports").entityList(ROW).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> ofPlan(List<Map<String, Object>> reports, String number) {
        return reports.stream().filter(r -> number.equals(((Map<String, Object>) r.get("plan")).get("number"))).toList();
    }

    @Test
    void anApprovedPlansTargetFindsItsReportToWriteWithoutOpeningItFirst() {
        Plan plan = approved("2099-12-31");
        long before = count("select count(*) from self_inspection_report r join inspection_plan p on p.id = r.plan_id where p.number = ?",
                plan.number());

        List<Map<String, Object>> mine = ofPlan(inbox(unitHead("NA-SYT")), plan.number());

        assertThat(before).isZero();
        assertThat(mine).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("DRAFT");
            assertThat(r.get("submittedLate")).isEqualTo(false);
            assertThat(r.get("unit")).isEqualTo(Map.of("code", "NA-SYT"));
        });
        // the draft now exists once, audited, and a second look finds the same report
        assertThat(count("select count(*) from self_inspection_report r join inspection_plan p on p.id = r.plan_id"
                + " join unit u on u.id = r.unit_id where p.number = ? and u.code = 'NA-SYT'", plan.number())).isEqualTo(1);
        assertThat(count("select count(*) from audit_record where action = 'selfInspectionReport.create' and object_id = ?", plan.number()))
                .isEqualTo(1);
        assertThat(ofPlan(inbox(unitHead("NA-SYT")), plan.number())).singleElement()
                .satisfies(r -> assertThat(r.get("id")).isEqualTo(mine.getFirst().get("id")));
    }

    @Test
    void aDraftPlanAndOtherUnitsPlansStayOutOfTheInbox() {
        Plan draft = draft("2099-12-31");
        assertThat(ofPlan(inbox(unitHead("NA-SYT")), draft.number())).isEmpty();
        Plan approved = approved("2099-12-31");
        // NA-DOLUONG is not a target: its head sees nothing of the plan, and no report is created for it
        assertThat(ofPlan(inbox(unitHead("NA-DOLUONG")), approved.number())).isEmpty();
        assertThat(count("select count(*) from self_inspection_report r join inspection_plan p on p.id = r.plan_id where p.number = ?",
                approved.number())).isZero();
    }

    @Test
    void inspectorsAndAdministratorsHaveNoReportsToWrite() {
        approved("2099-12-31");
        assertThat(inbox(inspector())).isEmpty();
        assertThat(inbox(admin())).isEmpty();
    }
}
