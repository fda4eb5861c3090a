package app.lantern.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo data set as a fresh installation loads it (the test profile loads 4,000 dossiers). Other
 * tests in the same context add and change dossiers, so the checks look at the generated ones
 * (ids 1 to 4,000) only.
 */
class DemoDataIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    DemoProperties properties;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void unitsOfTheDemoProvinceWithTheDemoUsersUnitsAndTheReform() {
        assertThat(jdbc.sql("select code from unit").query(String.class).list()).contains("NA", "NA-UBND", "NA-VPUB", "NA-TTT",
                "NA-STNMT", "NA-SYT", "NA-SNV", "NA-STP", "NA-NGHILOC", "NA-QUYHOP", "NA-DOLUONG", "NA-TANKY",
                "NA-QUYHOP-CHAUQUANG", "NA-XA-DOLUONG");
        assertThat(count("select count(*) from unit where level = 'DISTRICT' and valid_to = date '2025-06-30'")).isEqualTo(4);
        assertThat(count("select count(*) from unit u join unit p on p.id = u.parent_id where u.level = 'COMMUNE'"
                + " and p.level = 'DISTRICT'")).isEqualTo(16);
        assertThat(count("select count(*) from unit_succession where kind = 'MERGED_INTO' and effective_on = date '2025-07-01'"))
                .isEqualTo(16);
        assertThat(jdbc.sql("select idp_username from official where idp_username is not null").query(String.class).list())
                .contains("inspector.lead", "inspector.hoa", "admin", "head.stnmt", "head.syt", "head.nghiloc", "head.quyhop",
                        "head.doluong", "head.tanky");
    }

    @Test
    void doLuongHas347ProceduresOfWhich12ProposedForSimplification() {
        Map<String, Long> byLevel = new java.util.HashMap<>();
        jdbc.sql("select authority_level, count(*) from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-DOLUONG'"
                + " group by authority_level").query((rs, n) -> byLevel.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(Map.of("DISTRICT", 237L, "COMMUNE", 110L));
        assertThat(count("select count(*) from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-DOLUONG'"
                + " and review_state = 'PROPOSED_SIMPLIFICATION'")).isEqualTo(12);
        assertThat(count("select count(distinct field) from procedure")).isGreaterThanOrEqualTo(12);
    }

    @Test
    void dossiersCoverEveryCaseTheInspectorsAskFor() {
        assertThat(count("select count(*) from dossier where id <= " + properties.dossiers())).isEqualTo(properties.dossiers());
        assertThat(count("select dossiers from demo_dataset where name = 'default'")).isEqualTo(properties.dossiers());
        assertThat(count("select count(*) from dossier where received_at < timestamptz '2025-01-01T00:00:00+07'"))
                .isGreaterThanOrEqualTo(Math.round(properties.dossiers() * 0.84));
        assertThat(count("select count(*) from dossier where status = 'RETURNED' and not late")).as("on time").isPositive();
        assertThat(count("select count(*) from dossier where late and apology_issued_at is not null")).as("late, apology").isPositive();
        assertThat(count("select count(*) from dossier where late and apology_issued_at is null")).as("late, no apology").isPositive();
        assertThat(count("select count(distinct reject_category) from dossier where status = 'REJECTED'")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(distinct dossier_id) from dossier_event where transition = 'REQUEST_SUPPLEMENT'")).isPositive();
        assertThat(count("select count(*) from dossier where status = 'WITHDRAWN'")).isPositive();
        assertThat(count("select count(*) from dossier where received_at < timestamptz '2021-07-15T00:00:00+07'"
                + " and (closed_at is null or closed_at >= timestamptz '2021-07-15T00:00:00+07')")).as("carried over").isPositive();
        assertThat(count("select count(*) from dossier where closed_at is null and due_date < date '2026-11-20'")).as("overdue").isPositive();
        assertThat(count("select count(*) from dossier where closed_at is null and due_date >= date '2026-11-20'")).as("open in time").isPositive();
        assertThat(count("select count(*) from dossier_step_overrun")).isPositive();
        assertThat(count("select count(*) from dossier where identity_number = '040190000123'")).as("demo citizen").isPositive();
    }

    @Test
    void everyDossiersLastEventLeadsToItsStatus() {
        assertThat(count("""
                select count(*) from dossier d
                where d.id <= 4000 and d.status <> (select e.to_status from dossier_event e where e.dossier_id = d.id order by e.seq desc limit 1)""")).isZero();
        assertThat(count("select count(*) from dossier d where d.id <= 4000 and not exists (select 1 from dossier_event e where e.dossier_id = d.id"
                + " and e.seq = 1 and e.transition = 'RECEIVE' and e.at = d.received_at)")).isZero();
        assertThat(count("select count(*) from dossier where id <= 4000 and late <> (resolved_at is not null and"
                + " (resolved_at at time zone 'Asia/Ho_Chi_Minh')::date > due_date)")).isZero();
        assertThat(count("select count(*) from dossier_event where dossier_id <= 4000 and at > timestamptz '2026-11-21T00:00:00+07'")).isZero();
    }

    @Test
    void loadingAgainChangesNothing() {
        long dossiers = count("select count(*) from dossier");
        long events = count("select count(*) from dossier_event");
        assertThat(loader.loadDefaultSet()).isFalse();
        assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
        assertThat(count("select count(*) from dossier_event")).isEqualTo(events);
    }

    @Test
    void plan2960IsLoadedOnceInFieldworkWithItsTargetsTeamAndChecklist() {
        assertThat(count("select count(*) from inspection_plan where number = '2960/KH-TTCP' and status = 'IN_PROGRESS'"
                + " and issue_date = date '2023-12-08' and period_from = date '2021-07-15' and period_to = date '2023-11-30'")).isEqualTo(1);
        assertThat(jdbc.sql("select u.code from inspection_target t join inspection_plan p on p.id = t.plan_id join unit u on u.id = t.unit_id"
                + " where p.number = '2960/KH-TTCP'").query(String.class).list())
                .containsExactlyInAnyOrder("NA-STNMT", "NA-SYT", "NA-NGHILOC", "NA-QUYHOP");
        assertThat(jdbc.sql("select u.code || ':' || m.role || ':' || coalesce(o.idp_username, '-') from inspection_team_member m"
                + " join inspection_plan p on p.id = m.plan_id join official o on o.id = m.official_id join unit u on u.id = o.unit_id"
                + " where p.number = '2960/KH-TTCP'").query(String.class).list())
                .hasSize(5)
                .contains("NA-TTT:LEAD:inspector.lead", "NA-TTT:MEMBER:inspector.hoa")
                .anyMatch(m -> m.startsWith("NA-VPUB:MEMBER")).anyMatch(m -> m.startsWith("NA-SNV:MEMBER"))
                .anyMatch(m -> m.startsWith("NA-STP:MEMBER"));
        assertThat(count("select count(*) from inspection_checklist_item c join inspection_plan p on p.id = c.plan_id"
                + " where p.number = '2960/KH-TTCP'")).isEqualTo(8);

        long plans = count("select count(*) from inspection_plan");
        long members = count("select count(*) from inspection_team_member");
        assertThat(loader.loadPlans()).isFalse();
        assertThat(count("select count(*) from inspection_plan")).isEqualTo(plans);
        assertThat(count("select count(*) from inspection_team_member")).isEqualTo(members);
    }
}
