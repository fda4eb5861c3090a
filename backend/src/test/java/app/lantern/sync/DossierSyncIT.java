package app.lantern.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.CalendarService;
import app.lantern.calendar.Deadlines;
import app.lantern.calendar.WorkingDays;
import app.lantern.support.ApiTestBase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code dossiersSync} as partner systems use it: idempotent re-sends, appending new events,
 * per-item refusals that name the item and field, the lifecycle and working-day calendar of the
 * one-stop shop, audit records, personal data, and every refusal.
 */
class DossierSyncIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarService calendar;

    /** A procedure in force in NA-SYT's catalogue, as (national code, statutory working days). */
    private Map<String, Object> procedureOf(String unit) {
        return jdbc.sql("""
                        select p.national_code, p.statutory_working_days from procedure p join unit u on u.id = p.unit_id
                        where u.code = :unit and p.review_state <> 'ABOLISHED' and p.statutory_working_days > 0
                        order by p.national_code limit 1""")
                .param("unit", unit).query().singleRow();
    }

    static Map<String, Object> event(String transition, Instant at, Object... more) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("transition", transition);
        e.put("at", at.atOffset(ZoneOffset.ofHours(7)).toString());
        for (int i = 0; i < more.length; i += 2) {
            e.put((String) more[i], more[i + 1]);
        }
        return e;
    }

    Map<String, Object> item(String externalId, String unit, String procedureCode, List<Map<String, Object>> events) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("receiptCode", "SYNC-" + externalId);
        item.put("unitCode", unit);
        item.put("procedureCode", procedureCode);
        item.put("applicant", Map.of("kind", "PERSON", "name", "Nguyễn Thị Mai", "identityNumber", "040190000999", "phone", "0912345678"));
        item.put("channel", "ONLINE");
        item.put("onlinePayment", true);
        item.put("events", events);
        return item;
    }

    static GraphQlTester.Response sync(HttpGraphQlTester tester, String source, List<Map<String, Object>> items) {
        return tester.documentName("dossiersSync").variable("input", Map.of("source", source, "items", items)).execute();
    }

    static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Monday 2 October 2023, 09:00 in Vietnam: a working day far enough back for any timeline. */
    static final Instant MONDAY = OffsetDateTime.parse("2023-10-02T09:00:00+07:00").toInstant();

    @Test
    void aBatchSentTwiceIsStoredOnceAndReportedUnchangedTheSecondTime() {
        String code = (String) procedureOf("NA-SYT").get("national_code");
        String a = id();
        String b = id();
        List<Map<String, Object>> batch = List.of(
                item(a, "NA-SYT", code, List.of(event("RECEIVE", MONDAY), event("ADVANCE", MONDAY.plus(1, ChronoUnit.DAYS)))),
                item(b, "NA-SYT", code, List.of(event("RECEIVE", MONDAY))));
        sync(ngheAn(), "nghean-dvc", batch)
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[*].outcome").entityList(String.class).containsExactly("CREATED", "CREATED")
                .path("dossiersSync.results[*].eventsAppended").entityList(Integer.class).containsExactly(2, 1)
                .path("dossiersSync.results[*].status").entityList(String.class).containsExactly("PROCESSING", "RECEIVED");
        long events = jdbc.sql("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.source = 'nghean-dvc'"
                + " and d.external_id in (:a, :b)").param("a", a).param("b", b).query(Long.class).single();
        long audits = jdbc.sql("select count(*) from audit_record where action = 'dossier.sync' and object_id in (:a, :b)")
                .param("a", "SYNC-" + a).param("b", "SYNC-" + b).query(Long.class).single();
        long changes = jdbc.sql("select count(*) from dossier_change where receipt_code in (:a, :b)")
                .param("a", "SYNC-" + a).param("b", "SYNC-" + b).query(Long.class).single();
        assertThat(events).isEqualTo(3);
        assertThat(audits).isEqualTo(2);
        // the fee at receipt is the procedure's, as for a dossier received at the one-stop shop
        assertThat(jdbc.sql("select distinct d.fee_amount = p.fee from dossier d join procedure p on p.id = d.procedure_id"
                + " where d.source = 'nghean-dvc' and d.external_id in (:a, :b)").param("a", a).param("b", b).query(Boolean.class).list())
                .containsExactly(true);

        sync(ngheAn(), "nghean-dvc", batch)
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[*].outcome").entityList(String.class).containsExactly("UNCHANGED", "UNCHANGED")
                .path("dossiersSync.results[*].eventsAppended").entityList(Integer.class).containsExactly(0, 0);
        assertThat(jdbc.sql("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.source = 'nghean-dvc'"
                + " and d.external_id in (:a, :b)").param("a", a).param("b", b).query(Long.class).single()).isEqualTo(events);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'dossier.sync' and object_id in (:a, :b)")
                .param("a", "SYNC-" + a).param("b", "SYNC-" + b).query(Long.class).single()).isEqualTo(audits);
        assertThat(jdbc.sql("select count(*) from dossier_change where receipt_code in (:a, :b)")
                .param("a", "SYNC-" + a).param("b", "SYNC-" + b).query(Long.class).single()).isEqualTo(changes);
    }

    @Test
    void aLongerEventListAppendsOnlyTheNewEventsAndCountsLatenessLikeTheOneStopShop() {
        Map<String, Object> procedure = procedureOf("NA-SYT");
        String code = (String) procedure.get("national_code");
        int days = (Integer) procedure.get("statutory_working_days");
        Deadlines rules = calendar.deadlines();
        LocalDate due = rules.dueDate(WorkingDays.localDate(MONDAY), days);
        Instant afterDue = due.plusDays(3).atTime(10, 0).atZone(WorkingDays.ZONE).toInstant();
        String x = id();
        List<Map<String, Object>> first = List.of(event("RECEIVE", MONDAY), event("ADVANCE", MONDAY.plus(2, ChronoUnit.HOURS)));
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", code, first)))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("CREATED");

        List<Map<String, Object>> longer = new ArrayList<>(first);
        longer.add(event("RESOLVE", afterDue, "result", "QĐ 123/SYT", "digitisedResult", true));
        longer.add(event("RETURN", afterDue.plus(1, ChronoUnit.HOURS)));
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", code, longer)))
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0)
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("UPDATED")
                .path("dossiersSync.results[0].eventsAppended").entity(Integer.class).isEqualTo(2)
                .path("dossiersSync.results[0].status").entity(String.class).isEqualTo("RETURNED");

        ngheAn().documentName("syncedDossier").variable("code", "SYNC-" + x).execute()
                .path("dossier.status").entity(String.class).isEqualTo("RETURNED")
                .path("dossier.dueDate").entity(String.class).isEqualTo(due.toString())
                .path("dossier.late").entity(Boolean.class).isEqualTo(true)
                .path("dossier.result").entity(String.class).isEqualTo("QĐ 123/SYT")
                .path("dossier.events[*].transition").entityList(String.class).containsExactly("RECEIVE", "ADVANCE", "RESOLVE", "RETURN")
                .path("dossier.events[*].seq").entityList(Integer.class).containsExactly(1, 2, 3, 4)
                .path("dossier.applicant.name").entity(String.class).isEqualTo("Nguyễn Thị Mai");
    }

    @Test
    void aSupplementPauseMovesTheDueDateAsInTheOneStopShop() {
        Map<String, Object> procedure = procedureOf("NA-SYT");
        int days = (Integer) procedure.get("statutory_working_days");
        Deadlines rules = calendar.deadlines();
        Instant paused = MONDAY.plus(1, ChronoUnit.DAYS);
        Instant resumed = MONDAY.plus(15, ChronoUnit.DAYS);
        int used = rules.workingDaysUsed(WorkingDays.localDate(MONDAY), 0, WorkingDays.localDate(paused));
        LocalDate due = rules.dueDateAfterSupplement(WorkingDays.localDate(resumed), days, used);
        String x = id();
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", (String) procedure.get("national_code"), List.of(
                event("RECEIVE", MONDAY), event("ADVANCE", MONDAY.plus(1, ChronoUnit.HOURS)),
                event("REQUEST_SUPPLEMENT", paused, "reason", "Thiếu bản sao giấy phép"),
                event("RESUME_AFTER_SUPPLEMENT", resumed)))))
                .path("dossiersSync.userErrors").entityList(Object.class).hasSize(0);
        ngheAn().documentName("syncedDossier").variable("code", "SYNC-" + x).execute()
                .path("dossier.status").entity(String.class).isEqualTo("PROCESSING")
                .path("dossier.dueDate").entity(String.class).isEqualTo(due.toString())
                .path("dossier.workingDaysUsedBeforePause").entity(Integer.class).isEqualTo(used);
    }

    @Test
    void badItemsAreRefusedAloneNamingTheItemAndFieldWhileTheValidOnesAreStored() {
        String code = (String) procedureOf("NA-SYT").get("national_code");
        String stnmt = (String) procedureOf("NA-STNMT").get("national_code");
        String good = id();
        String taken = jdbc.sql("select receipt_code from dossier where source is null limit 1").query(String.class).single();
        Map<String, Object> takenCode = item(id(), "NA-SYT", code, List.of(event("RECEIVE", MONDAY)));
        takenCode.put("receiptCode", taken);
        HttpGraphQlTester sytOnly = as(tokens().partner("lantern-partner-syt", List.of("NA"), List.of("NA-SYT")));
        sync(sytOnly, "syt-his", List.of(
                item(good, "NA-SYT", code, List.of(event("RECEIVE", MONDAY))),
                item(id(), "NA-SYT", code, List.of(event("RECEIVE", MONDAY), event("RETURN", MONDAY.plusSeconds(60)))),
                item(id(), "NA-SYT", "9.999999", List.of(event("RECEIVE", MONDAY))),
                item(id(), "NA-STNMT", stnmt, List.of(event("RECEIVE", MONDAY))),
                item(id(), "NA-NOWHERE", code, List.of(event("RECEIVE", MONDAY))),
                takenCode,
                item(id(), "NA-SYT", code, List.of(event("RECEIVE", MONDAY), event("REJECT", MONDAY.plusSeconds(60), "reason", "Sai mẫu"))),
                item(id(), "NA-SYT", code, List.of(event("RECEIVE", Instant.now().plus(2, ChronoUnit.DAYS))))))
                .path("dossiersSync.results[*].outcome").entityList(String.class)
                .containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED")
                .path("dossiersSync.userErrors[*].field").entityList(List.class).containsExactly(
                        List.of("input", "items", "1", "events", "1", "transition"),
                        List.of("input", "items", "2", "procedureCode"),
                        List.of("input", "items", "3", "unitCode"),
                        List.of("input", "items", "4", "unitCode"),
                        List.of("input", "items", "5", "receiptCode"),
                        List.of("input", "items", "6", "events", "1", "rejectCategory"),
                        List.of("input", "items", "7", "events", "0", "at"))
                .path("dossiersSync.userErrors[*].code").entityList(String.class).containsExactly(
                        "TRANSITION_NOT_ALLOWED", "NOT_FOUND", "NOT_WRITABLE", "NOT_FOUND", "RECEIPT_CODE_TAKEN", "REQUIRED", "INVALID_TIME");
        assertThat(jdbc.sql("select count(*) from dossier where source = 'syt-his'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changedStoredEventsAndMissingEventsAreRefused() {
        String code = (String) procedureOf("NA-SYT").get("national_code");
        String x = id();
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", code, List.of(event("RECEIVE", MONDAY), event("ADVANCE", MONDAY.plusSeconds(60))))));
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", code, List.of(event("RECEIVE", MONDAY), event("REJECT", MONDAY.plusSeconds(60),
                "reason", "x", "rejectCategory", "APPLICANT")))))
                .path("dossiersSync.results[0].outcome").entity(String.class).isEqualTo("REJECTED")
                .path("dossiersSync.userErrors[0].code").entity(String.class).isEqualTo("EVENT_CONFLICT")
                .path("dossiersSync.userErrors[0].field").entityList(String.class).containsExactly("input", "items", "0", "events", "1");
        sync(ngheAn(), "nghean-dvc", List.of(item(x, "NA-SYT", code, List.of(event("RECEIVE", MONDAY)))))
                .path("dossiersSync.userErrors[0].code").entity(String.class).isEqualTo("EVENTS_MISSING");
    }

    @Test
    void moreThanAThousandItemsAreRefusedAsAWhole() {
        String code = (String) procedureOf("NA-SYT").get("national_code");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(item("too-many-" + i, "NA-SYT", code, List.of(event("RECEIVE", MONDAY))));
        }
        sync(ngheAn(), "nghean-dvc", items)
                .path("dossiersSync.results").entityList(Object.class).hasSize(0)
                .path("dossiersSync.userErrors[0].code").entity(String.class).isEqualTo("TOO_MANY");
    }

    @Test
    void partnersWithoutWriteAccessAndStaffAreForbidden() {
        String code = (String) procedureOf("NA-SYT").get("national_code");
        String x = id();
        for (HttpGraphQlTester refused : List.of(portal(), partner(), unitHead("NA-SYT"), inspector(), admin(), citizen())) {
            sync(refused, "nghean-dvc", List.of(item(x, "NA-SYT", code, List.of(event("RECEIVE", MONDAY)))))
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        sync(anonymous(), "nghean-dvc", List.of(item(x, "NA-SYT", code, List.of(event("RECEIVE", MONDAY)))))
                .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        assertThat(jdbc.sql("select count(*) from dossier where external_id = :x").param("x", x).query(Long.class).single()).isZero();
    }
}
