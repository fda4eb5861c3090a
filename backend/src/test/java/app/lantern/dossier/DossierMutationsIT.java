package app.lantern.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.calendar.CalendarService;
import app.lantern.calendar.WorkingDays;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every dossier mutation over HTTP: happy paths, bad input named by field, the lifecycle, locking and roles. */
class DossierMutationsIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarService calendar;

    private HttpGraphQlTester headSyt() {
        return as(tokens().staff("head.syt", "NA-SYT", "unit_head"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private long procedure(int statutoryDays) {
        return jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                        + " and p.review_state <> 'ABOLISHED' and p.statutory_working_days >= :d order by p.id limit 1")
                .param("d", statutoryDays).query(Long.class).single();
    }

    private Map<String, Object> receipt(long procedure) {
        return Map.of("procedureId", NodeId.encode("Procedure", procedure), "applicantKind", "PERSON",
                "applicantName", "Nguyễn Thị Mai", "identityNumber", "040190012345", "phone", "0912345678",
                "address", "Xóm 2, xã Nghi Long", "channel", "DIRECT");
    }

    record Ref(String id, int version) {
    }

    private Ref receive() {
        GraphQlTester.Response r = headSyt().documentName("dossierReceive").variable("input", receipt(procedure(10))).execute();
        r.path("dossierReceive.userErrors").entityList(Object.class).hasSize(0);
        return new Ref(r.path("dossierReceive.dossier.id").entity(String.class).get(),
                r.path("dossierReceive.dossier.version").entity(Integer.class).get());
    }

    private GraphQlTester.Response run(HttpGraphQlTester tester, String mutation, Map<String, Object> input) {
        return tester.documentName(mutation).variable("input", input).execute();
    }

    private Ref ok(GraphQlTester.Response response, String mutation, String status) {
        response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        response.path(mutation + ".dossier.status").entity(String.class).isEqualTo(status);
        return new Ref(response.path(mutation + ".dossier.id").entity(String.class).get(),
                response.path(mutation + ".dossier.version").entity(Integer.class).get());
    }

    private static Map<String, Object> in(Ref ref, Object... more) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("dossierId", ref.id(), "version", ref.version()));
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return input;
    }

    private static void userError(GraphQlTester.Response response, String mutation, String code, List<String> field) {
        response.path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo(code);
        if (field == null) {
            response.path(mutation + ".userErrors[0].field").valueIsNull();
        } else {
            response.path(mutation + ".userErrors[0].field").entityList(String.class).containsExactly(field.toArray(String[]::new));
        }
        response.path(mutation + ".dossier").valueIsNull();
    }

    @Test
    void receiptIssuesCodeDueDateAndAOneTimeSecretStoringOnlyItsHash() {
        long procedure = procedure(10);
        int days = jdbc.sql("select statutory_working_days from procedure where id = ?").param(procedure).query(Integer.class).single();
        GraphQlTester.Response r = headSyt().documentName("dossierReceive").variable("input", receipt(procedure)).execute();
        r.path("dossierReceive.userErrors").entityList(Object.class).hasSize(0);
        String code = r.path("dossierReceive.dossier.receiptCode").entity(String.class).get();
        assertThat(code).startsWith("NA-SYT-");
        String secret = r.path("dossierReceive.lookupSecret").entity(String.class).get();
        assertThat(secret).hasSize(10);
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        r.path("dossierReceive.dossier.dueDate").entity(String.class).isEqualTo(calendar.deadlines().dueDate(today, days).toString());
        r.path("dossierReceive.dossier.status").entity(String.class).isEqualTo("RECEIVED");
        r.path("dossierReceive.dossier.currentStep.ordinal").entity(Integer.class).isEqualTo(1);
        r.path("dossierReceive.dossier.events[*].transition").entityList(String.class).containsExactly("RECEIVE");
        String hash = jdbc.sql("select lookup_secret_hash from dossier where receipt_code = ?").param(code).query(String.class).single();
        assertThat(hash).isNotEqualTo(secret).isEqualTo(LookupSecrets.hash(code, secret));
        assertThat(count("select count(*) from audit_record where action = 'dossier.receive' and object_id = '" + code + "'"
                + " and actor = 'head.syt'")).isEqualTo(1);
        headSyt().documentName("dossierDetail").variable("code", code).execute()
                .path("dossier.applicant.name").entity(String.class).isEqualTo("Nguyễn Thị Mai");
    }

    @Test
    void badReceiptInputIsNamedFieldByFieldAndNothingIsStored() {
        long before = count("select count(*) from dossier");
        Map<String, Object> input = new java.util.HashMap<>(receipt(procedure(1)));
        input.put("procedureId", NodeId.encode("Procedure", 999999));
        input.put("applicantName", "  ");
        input.put("identityNumber", "12ab");
        GraphQlTester.Response r = run(headSyt(), "dossierReceive", input);
        r.path("dossierReceive.userErrors[*].field").entityList(Object.class).hasSize(3);
        r.path("dossierReceive.userErrors[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("REQUIRED", "INVALID", "NOT_FOUND"));
        r.path("dossierReceive.userErrors[?(@.code == 'NOT_FOUND')].field[*]").entityList(String.class).containsExactly("input", "procedureId");
        r.path("dossierReceive.userErrors[?(@.code == 'REQUIRED')].field[*]").entityList(String.class).containsExactly("input", "applicantName");
        r.path("dossierReceive.dossier").valueIsNull();
        // a procedure of another unit's catalogue is not found either
        long doLuong = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-DOLUONG' limit 1")
                .query(Long.class).single();
        userErrorOnReceipt(Map.of("procedureId", NodeId.encode("Procedure", doLuong)), "NOT_FOUND", "procedureId");
        // a district abolished on 1 July 2025 receives nothing any more
        GraphQlTester.Response closed = run(as(tokens().staff("head.quyhop", "NA-QUYHOP", "unit_head")), "dossierReceive",
                receiptAt(jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-QUYHOP' limit 1")
                        .query(Long.class).single()));
        userError(closed, "dossierReceive", "NOT_RECEIVING", List.of("input", "unitId"));
        assertThat(count("select count(*) from dossier")).isEqualTo(before);
    }

    private Map<String, Object> receiptAt(long procedure) {
        return receipt(procedure);
    }

    private void userErrorOnReceipt(Map<String, Object> change, String code, String field) {
        Map<String, Object> input = new java.util.HashMap<>(receipt(procedure(1)));
        input.putAll(change);
        userError(run(headSyt(), "dossierReceive", input), "dossierReceive", code, List.of("input", field));
    }

    private List<String> allowed(HttpGraphQlTester tester, Ref ref) {
        return tester.documentName("allowedTransitions").variable("id", ref.id()).execute()
                .path("node.allowedTransitions").entityList(String.class).get();
    }

    @Test
    void allowedTransitionsAreWhatTheServerThenAccepts() {
        Ref d = receive();
        assertThat(allowed(headSyt(), d)).containsExactly("ADVANCE", "REJECT", "WITHDRAW");
        assertThat(allowed(inspector(), d)).as("inspectors only read").isEmpty();
        as(tokens().staff("head.stnmt", "NA-STNMT", "unit_head")).documentName("allowedTransitions").variable("id", d.id())
                .execute().path("node").valueIsNull(); // another unit does not even see it

        d = ok(run(headSyt(), "dossierAdvance", in(d)), "dossierAdvance", "PROCESSING");
        assertThat(allowed(headSyt(), d)).containsExactly("ADVANCE", "REQUEST_SUPPLEMENT", "RESOLVE", "REJECT", "WITHDRAW");
        d = ok(run(headSyt(), "dossierRequestSupplement", in(d, "reason", "Thiếu bản sao chứng chỉ hành nghề")),
                "dossierRequestSupplement", "SUPPLEMENT_REQUESTED");
        assertThat(allowed(headSyt(), d)).containsExactly("RESUME_AFTER_SUPPLEMENT", "WITHDRAW");
        d = ok(run(headSyt(), "dossierResumeAfterSupplement", in(d)), "dossierResumeAfterSupplement", "PROCESSING");
        d = ok(run(headSyt(), "dossierAdvance", in(d)), "dossierAdvance", "PROCESSING");
        assertThat(allowed(headSyt(), d)).as("at the last processing step").doesNotContain("ADVANCE").contains("RESOLVE");
        userError(run(headSyt(), "dossierAdvance", in(d)), "dossierAdvance", "NO_NEXT_STEP", null);
        d = ok(run(headSyt(), "dossierResolve", in(d, "result", "Chứng chỉ hành nghề số 1234/NA-CCHN")), "dossierResolve", "RESOLVED");
        assertThat(allowed(headSyt(), d)).containsExactly("RETURN");
        d = ok(run(headSyt(), "dossierReturn", in(d)), "dossierReturn", "RETURNED");
        assertThat(allowed(headSyt(), d)).containsExactly("RATE");
        d = ok(run(headSyt(), "dossierRate", in(d, "satisfaction", 5)), "dossierRate", "RETURNED");
        assertThat(allowed(headSyt(), d)).isEmpty();
    }

    @Test
    void theWholeLifecycleWithASupplementPause() {
        Ref d = receive();
        long official = jdbc.sql("select o.id from official o join unit u on u.id = o.unit_id where u.code = 'NA-SYT'"
                + " and o.position like 'Chuyên viên%' order by o.id limit 1").query(Long.class).single();
        GraphQlTester.Response advanced = run(headSyt(), "dossierAdvance", in(d, "assignedOfficialId", NodeId.encode("Official", official)));
        d = ok(advanced, "dossierAdvance", "PROCESSING");
        advanced.path("dossierAdvance.dossier.currentStep.ordinal").entity(Integer.class).isEqualTo(2);
        advanced.path("dossierAdvance.dossier.currentOfficial.fullName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
        advanced.path("dossierAdvance.dossier.lastEvent.official.fullName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());

        d = ok(run(headSyt(), "dossierRequestSupplement", in(d, "reason", "Thiếu bản sao chứng chỉ hành nghề")),
                "dossierRequestSupplement", "SUPPLEMENT_REQUESTED");
        GraphQlTester.Response resumed = run(headSyt(), "dossierResumeAfterSupplement", in(d));
        d = ok(resumed, "dossierResumeAfterSupplement", "PROCESSING");
        long procedure = jdbc.sql("select procedure_id from dossier where id = ?").param(NodeId.longKey(d.id(), "Dossier"))
                .query(Long.class).single();
        int days = jdbc.sql("select statutory_working_days from procedure where id = ?").param(procedure).query(Integer.class).single();
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        int used = calendar.workingDays().workingDaysBetween(today, today);
        resumed.path("dossierResumeAfterSupplement.dossier.dueDate").entity(String.class)
                .isEqualTo(calendar.deadlines().dueDateAfterSupplement(today, days, used).toString());

        d = ok(run(headSyt(), "dossierAdvance", in(d)), "dossierAdvance", "PROCESSING");
        GraphQlTester.Response last = run(headSyt(), "dossierAdvance", in(d));
        userError(last, "dossierAdvance", "NO_NEXT_STEP", null);

        GraphQlTester.Response resolved = run(headSyt(), "dossierResolve", in(d, "result", "Chứng chỉ hành nghề số 1234/NA-CCHN"));
        d = ok(resolved, "dossierResolve", "RESOLVED");
        resolved.path("dossierResolve.dossier.late").entity(Boolean.class).isEqualTo(false);
        resolved.path("dossierResolve.dossier.currentStep.ordinal").entity(Integer.class).isEqualTo(4);
        d = ok(run(headSyt(), "dossierReturn", in(d)), "dossierReturn", "RETURNED");
        GraphQlTester.Response rated = run(headSyt(), "dossierRate", in(d, "satisfaction", 5));
        d = ok(rated, "dossierRate", "RETURNED");
        rated.path("dossierRate.dossier.satisfaction").entity(Integer.class).isEqualTo(5);
        userError(run(headSyt(), "dossierRate", in(d, "satisfaction", 4)), "dossierRate", "TRANSITION_NOT_ALLOWED", null);
        userError(run(headSyt(), "dossierIssueApology",
                in(d, "reason", "x", "newAppointmentDate", today.plusDays(30).toString())), "dossierIssueApology", "TRANSITION_NOT_ALLOWED", null);

        long dossierKey = NodeId.longKey(d.id(), "Dossier");
        assertThat(jdbc.sql("select transition from dossier_event where dossier_id = ? order by seq").param(dossierKey)
                .query(String.class).list()).containsExactly("RECEIVE", "ADVANCE", "REQUEST_SUPPLEMENT", "RESUME_AFTER_SUPPLEMENT",
                "ADVANCE", "RESOLVE", "RETURN", "RATE");
        assertThat(jdbc.sql("select action from audit_record where object_type = 'Dossier' and object_id ="
                + " (select receipt_code from dossier where id = ?) order by id").param(dossierKey).query(String.class).list())
                .containsExactly("dossier.receive", "dossier.advance", "dossier.requestSupplement", "dossier.resumeAfterSupplement",
                        "dossier.advance", "dossier.resolve", "dossier.return", "dossier.rate");
    }

    @Test
    void rejectionAndWithdrawalCloseTheDossierAndTheLifecycleRefusesWhatFollows() {
        Ref rejected = receive();
        userError(run(headSyt(), "dossierReject", in(rejected, "category", "APPLICANT", "reason", " ")), "dossierReject", "REQUIRED",
                List.of("input", "reason"));
        GraphQlTester.Response r = run(headSyt(), "dossierReject", in(rejected, "category", "APPLICANT",
                "reason", "Hồ sơ không đủ điều kiện"));
        rejected = ok(r, "dossierReject", "REJECTED");
        r.path("dossierReject.dossier.rejection.category").entity(String.class).isEqualTo("APPLICANT");
        r.path("dossierReject.dossier.closedAt").entity(String.class).satisfies(t -> assertThat(t).isNotBlank());
        GraphQlTester.Response refused = run(headSyt(), "dossierAdvance", in(rejected));
        userError(refused, "dossierAdvance", "TRANSITION_NOT_ALLOWED", null);
        refused.path("dossierAdvance.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("REJECTED"));
        userError(run(headSyt(), "dossierResolve", in(receive(), "result", "x")), "dossierResolve", "TRANSITION_NOT_ALLOWED", null);
        userError(run(headSyt(), "dossierReturn", in(receive())), "dossierReturn", "TRANSITION_NOT_ALLOWED", null);
        userError(run(headSyt(), "dossierResumeAfterSupplement", in(receive())), "dossierResumeAfterSupplement", "TRANSITION_NOT_ALLOWED", null);
        userError(run(headSyt(), "dossierRequestSupplement", in(receive(), "reason", "x")), "dossierRequestSupplement",
                "TRANSITION_NOT_ALLOWED", null);

        Ref withdrawn = ok(run(headSyt(), "dossierWithdraw", in(receive(), "reason", "Người nộp xin rút")), "dossierWithdraw", "WITHDRAWN");
        userError(run(headSyt(), "dossierWithdraw", in(withdrawn)), "dossierWithdraw", "TRANSITION_NOT_ALLOWED", null);
    }

    @Test
    void apologyOnlyForALateOrOverdueDossierWithANewDateAfterTheDueDate() {
        Ref fresh = receive();
        LocalDate today = LocalDate.now(WorkingDays.ZONE);
        userError(run(headSyt(), "dossierIssueApology", in(fresh, "reason", "Quá tải", "newAppointmentDate", today.plusDays(60).toString())),
                "dossierIssueApology", "TRANSITION_NOT_ALLOWED", null);
        // a dossier received four months ago, now past its due date (the fixture moves its dates back)
        Ref ref = ok(run(headSyt(), "dossierAdvance", in(receive())), "dossierAdvance", "PROCESSING");
        backdate(ref, 120);
        Map<String, Object> overdue = jdbc.sql("select due_date from dossier where id = ?").param(NodeId.longKey(ref.id(), "Dossier"))
                .query().singleRow();
        userError(run(headSyt(), "dossierIssueApology", in(ref, "reason", "Quá tải", "newAppointmentDate",
                overdue.get("due_date").toString())), "dossierIssueApology", "INVALID_DATE", List.of("input", "newAppointmentDate"));
        GraphQlTester.Response apology = run(headSyt(), "dossierIssueApology", in(ref, "reason", "Chờ ý kiến phối hợp",
                "newAppointmentDate", today.plusDays(10).toString()));
        ok(apology, "dossierIssueApology", "PROCESSING");
        apology.path("dossierIssueApology.dossier.apology.newAppointmentDate").entity(String.class).isEqualTo(today.plusDays(10).toString());
    }

    @Test
    void leavingAStepLateRecordsAnOverrunForItsOfficialAndUnit() {
        Ref ref = ok(run(headSyt(), "dossierAdvance", in(receive())), "dossierAdvance", "PROCESSING");
        backdate(ref, 120);
        long key = NodeId.longKey(ref.id(), "Dossier");
        assertThat(count("select count(*) from dossier_step_overrun where dossier_id = " + key)).isZero();
        ok(run(headSyt(), "dossierAdvance", in(ref)), "dossierAdvance", "PROCESSING");
        assertThat(count("select count(*) from dossier_step_overrun where dossier_id = " + key + " and days_over > 0"
                + " and unit_id = (select id from unit where code = 'NA-SYT')")).isEqualTo(1);
    }


    /** Test fixture: moves a dossier's receipt, step and due date {@code days} calendar days back. */
    private void backdate(Ref ref, int days) {
        jdbc.sql("""
                update dossier set received_at = received_at - make_interval(days => :days),
                    step_entered_at = step_entered_at - make_interval(days => :days),
                    clock_started_on = clock_started_on - :days, due_date = due_date - :days
                where id = :id""").param("days", days).param("id", NodeId.longKey(ref.id(), "Dossier")).update();
    }

    @Test
    void aStaleVersionIsAConcurrentModification() {
        Ref d = receive();
        ok(run(headSyt(), "dossierAdvance", in(d)), "dossierAdvance", "PROCESSING");
        GraphQlTester.Response stale = run(headSyt(), "dossierRequestSupplement", in(d, "reason", "Thiếu giấy tờ"));
        userError(stale, "dossierRequestSupplement", "CONCURRENT_MODIFICATION", List.of("input", "version"));
    }

    @Test
    void twoClerksChangingTheSameDossierAtOnceOneWins() throws Exception {
        Ref d = ok(run(headSyt(), "dossierAdvance", in(receive())), "dossierAdvance", "PROCESSING");
        int clerks = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < clerks; i++) {
            Callable<String> clerk = () -> {
                start.await();
                GraphQlTester.Response r = run(headSyt(), "dossierRequestSupplement", in(d, "reason", "Thiếu giấy tờ"));
                List<String> codes = r.path("dossierRequestSupplement.userErrors[*].code").entityList(String.class).get();
                return codes.isEmpty() ? "OK" : codes.getFirst();
            };
            results.add(pool.submit(clerk));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("OK").filteredOn(o -> !o.equals("OK")).containsOnly("CONCURRENT_MODIFICATION");
        assertThat(count("select count(*) from dossier_event where transition = 'REQUEST_SUPPLEMENT' and dossier_id = "
                + NodeId.longKey(d.id(), "Dossier"))).isEqualTo(1);
    }

    @Test
    void onlyTheHandlingUnitsStaffChangeDossiers() {
        Ref d = receive();
        for (HttpGraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            for (String mutation : List.of("dossierAdvance", "dossierReturn", "dossierResumeAfterSupplement")) {
                refused.documentName(mutation).variable("input", in(d)).execute().errors()
                        .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            }
            refused.documentName("dossierReceive").variable("input", receipt(procedure(1))).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierReject").variable("input", in(d, "category", "OTHER", "reason", "x")).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierIssueApology").variable("input", in(d, "reason", "x", "newAppointmentDate", "2030-01-01"))
                    .execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierRate").variable("input", in(d, "satisfaction", 3)).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierRequestSupplement").variable("input", in(d, "reason", "x")).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierResolve").variable("input", in(d, "result", "x")).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
            refused.documentName("dossierWithdraw").variable("input", in(d)).execute().errors()
                    .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.FORBIDDEN));
        }
        anonymous().documentName("dossierAdvance").variable("input", in(d)).execute().errors()
                .satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType()).containsExactly(ErrorType.UNAUTHORIZED));
        // another unit's head does not even learn that the dossier exists
        userError(run(unitHead("NA-QUYHOP"), "dossierAdvance", in(d)), "dossierAdvance", "NOT_FOUND", List.of("input", "dossierId"));
        assertThat(count("select version from dossier where id = " + NodeId.longKey(d.id(), "Dossier"))).isEqualTo(d.version());
    }
}
