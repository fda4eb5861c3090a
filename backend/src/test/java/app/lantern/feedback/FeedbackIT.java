package app.lantern.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.citizen.PublicApi;
import app.lantern.shared.graphql.NodeId;
import app.lantern.support.ApiTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Feedback over HTTP: sent by anyone, routed to the responsible unit with a working-day deadline,
 * answered specifically by the unit head of that subtree only, followed and rated by the sender,
 * overdue items visible to inspectors; every refusal.
 */
class FeedbackIT extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    app.lantern.calendar.CalendarService calendar;

    @BeforeEach
    void freshThrottle() {
        jdbc.sql("delete from request_throttle").update();
    }

    private HttpGraphQlTester headSyt() {
        return unitHead("NA-SYT");
    }

    private String unitId(String code) {
        return NodeId.encode("Unit", jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).single());
    }

    private String procedureOf(String unit) {
        return NodeId.encode("Procedure", jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = :c"
                + " and p.review_state <> 'ABOLISHED' order by p.id limit 1").param("c", unit).query(Long.class).single());
    }

    private static Map<String, Object> anonymousInput(Object... about) {
        Map<String, Object> input = new HashMap<>(Map.of("kind", "FEEDBACK",
                "message", "Bộ phận một cửa không niêm yết đầy đủ thành phần hồ sơ của thủ tục này.",
                "senderName", "Võ Thị Hạnh", "senderPhone", "0988776655"));
        for (int i = 0; i < about.length; i += 2) {
            input.put((String) about[i], about[i + 1]);
        }
        return input;
    }

    private GraphQlTester.Response submit(HttpGraphQlTester tester, Map<String, Object> input) {
        return tester.documentName("feedbackSubmit").variable("input", input).execute();
    }

    record Sent(String code, String secret) {
    }

    private Sent sent(GraphQlTester.Response r) {
        r.path("feedbackSubmit.userErrors").entityList(Object.class).hasSize(0);
        return new Sent(r.path("feedbackSubmit.feedback.code").entity(String.class).get(),
                r.path("feedbackSubmit.secret").entity(String.class).get());
    }

    private void submitRefused(Map<String, Object> input, String code, String field) {
        GraphQlTester.Response r = submit(anonymous(), input);
        r.path("feedbackSubmit.feedback").valueIsNull();
        r.path("feedbackSubmit.userErrors[0].code").entity(String.class).isEqualTo(code);
        r.path("feedbackSubmit.userErrors[0].field").entityList(String.class).containsExactly("input", field);
    }

    private Map<String, Object> item(HttpGraphQlTester tester, String code) {
        List<Map<String, Object>> nodes = tester.documentName("feedbackList")
                .variable("filter", Map.of("text", code)).variable("first", 5).execute()
                .path("feedbackList.nodes").entityList(mapType()).get();
        return nodes.stream().filter(n -> code.equals(n.get("code"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    @Test
    void anonymousFeedbackIsRoutedToTheProceduresUnitWithAWorkingDayDeadline() {
        GraphQlTester.Response r = submit(anonymous(), anonymousInput("procedureId", procedureOf("NA-SYT")));
        Sent s = sent(r);
        assertThat(s.code()).startsWith("GY-");
        assertThat(s.secret()).hasSize(10);
        LocalDate due = calendar.deadlines().dueDate(LocalDate.now(app.lantern.calendar.WorkingDays.ZONE), 10);
        r.path("feedbackSubmit.feedback.answerDueDate").entity(String.class).isEqualTo(due.toString());
        r.path("feedbackSubmit.feedback.status").entity(String.class).isEqualTo("OPEN");
        r.path("feedbackSubmit.feedback.unitName").entity(String.class).isEqualTo(
                jdbc.sql("select name from unit where code = 'NA-SYT'").query(String.class).single());

        // in the unit head's inbox, with the sender's contact
        Map<String, Object> inInbox = item(headSyt(), s.code());
        assertThat(inInbox).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> sender = (Map<String, Object>) inInbox.get("sender");
        assertThat(sender).containsEntry("name", "Võ Thị Hạnh").containsEntry("phone", "0988776655").containsEntry("loggedIn", false);
        // not in another unit's, and administrators see it without the sender
        assertThat(item(unitHead("NA-STNMT"), s.code())).isNull();
        assertThat(item(admin(), s.code()).get("sender")).isNull();
        assertThat(item(inspector(), s.code()).get("sender")).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'feedback.submit' and object_id = :c")
                .param("c", s.code()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theUnitHeadAnswersSpecificallyAndTheSenderSeesAndRatesTheAnswer() {
        Sent s = sent(submit(anonymous(), anonymousInput("unitId", unitId("NA-SYT"))));
        Map<String, Object> f = item(headSyt(), s.code());
        String id = (String) f.get("id");
        int version = (Integer) f.get("version");

        // the sender cannot rate before the answer
        rate(s, 5).path("feedbackRate.userErrors[0].code").entity(String.class).isEqualTo("NOT_ANSWERED");

        answerRefused(headSyt(), id, version, "", "REQUIRED");
        answerRefused(headSyt(), id, version, "Đã nhận.", "NOT_SPECIFIC");
        answerRefused(headSyt(), id, version, "OK", "NOT_SPECIFIC");
        answerRefused(headSyt(), id, version + 1, "Sở đã niêm yết lại đầy đủ thành phần hồ sơ tại bộ phận một cửa.", "CONCURRENT_MODIFICATION");
        answerRefused(unitHead("NA-STNMT"), id, version, "Sở đã niêm yết lại đầy đủ thành phần hồ sơ tại bộ phận một cửa.", "NOT_FOUND");

        GraphQlTester.Response answered = answer(headSyt(), id, version, "Sở đã niêm yết lại đầy đủ thành phần hồ sơ tại bộ phận một cửa.");
        answered.path("feedbackAnswer.userErrors").entityList(Object.class).hasSize(0);
        answered.path("feedbackAnswer.feedback.status").entity(String.class).isEqualTo("ANSWERED");
        answered.path("feedbackAnswer.feedback.answer.late").entity(Boolean.class).isEqualTo(false);
        answerRefused(headSyt(), id, version + 1, "Một câu trả lời thứ hai cho cùng phản ánh này.", "ALREADY_ANSWERED");

        // the sender follows it with code and secret; a wrong secret and an unknown code answer alike
        GraphQlTester.Response status = anonymous().documentName("feedbackStatus").variable("code", s.code()).variable("secret", s.secret()).execute();
        status.path("feedbackStatus.answer.text").entity(String.class).isEqualTo("Sở đã niêm yết lại đầy đủ thành phần hồ sơ tại bộ phận một cửa.");
        status.path("feedbackStatus.canRate").entity(Boolean.class).isEqualTo(true);
        String wrongSecret = PublicApi.post(http(), "feedbackStatus", Map.of("code", s.code(), "secret", "WRONGSECRET"), null);
        String unknownCode = PublicApi.post(http(), "feedbackStatus", Map.of("code", "GY-NOPE0000", "secret", s.secret()), null);
        assertThat(wrongSecret).isEqualTo("{\"data\":{\"feedbackStatus\":null}}").isEqualTo(unknownCode);
        // the public answer holds no sender data
        String json = PublicApi.post(http(), "feedbackStatus", Map.of("code", s.code(), "secret", s.secret()), null);
        assertThat(json).doesNotContain("Võ Thị Hạnh").doesNotContain("0988776655");

        jdbc.sql("delete from request_throttle").update(); // five lookups a minute per address: start a new minute
        rate(new Sent(s.code(), "WRONGSECRET"), 5).path("feedbackRate.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        rate(s, 0).path("feedbackRate.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
        rate(s, 4).path("feedbackRate.feedback.rating").entity(Integer.class).isEqualTo(4);
        rate(s, 5).path("feedbackRate.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_RATED");
        assertThat(jdbc.sql("select string_agg(action, ',' order by id) from audit_record where object_id = :c")
                .param("c", s.code()).query(String.class).single()).isEqualTo("feedback.submit,feedback.answer,feedback.rate");
    }

    private GraphQlTester.Response rate(Sent s, int rating) {
        return anonymous().documentName("feedbackRate").variable("input", Map.of("code", s.code(), "secret", s.secret(), "rating", rating))
                .execute();
    }

    private GraphQlTester.Response answer(HttpGraphQlTester tester, String id, int version, String text) {
        return tester.documentName("feedbackAnswer").variable("input", Map.of("feedbackId", id, "version", version, "answer", text)).execute();
    }

    private void answerRefused(HttpGraphQlTester tester, String id, int version, String text, String code) {
        GraphQlTester.Response r = answer(tester, id, version, text);
        r.path("feedbackAnswer.feedback").valueIsNull();
        r.path("feedbackAnswer.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    @Test
    void onlyUnitHeadsAnswerAndOnlyStaffReadTheList() {
        Sent s = sent(submit(anonymous(), anonymousInput("unitId", unitId("NA-SYT"))));
        Map<String, Object> f = item(headSyt(), s.code());
        String text = "Sở đã niêm yết lại đầy đủ thành phần hồ sơ tại bộ phận một cửa.";
        for (HttpGraphQlTester refused : List.of(inspector(), admin(), citizen(), partner())) {
            answer(refused, (String) f.get("id"), (Integer) f.get("version"), text).errors().satisfy(errors ->
                    assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        }
        answer(anonymous(), (String) f.get("id"), (Integer) f.get("version"), text).errors().satisfy(errors ->
                assertThat(errors.getFirst().getErrorType()).isIn(ErrorType.UNAUTHORIZED, ErrorType.FORBIDDEN));
        for (HttpGraphQlTester refused : List.of(citizen(), partner())) {
            refused.documentName("feedbackList").execute().errors().satisfy(errors ->
                    assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        }
        anonymous().documentName("feedbackList").execute().errors().satisfy(errors ->
                assertThat(errors.getFirst().getErrorType()).isIn(ErrorType.UNAUTHORIZED, ErrorType.FORBIDDEN));
        // another unit's head does not even find it by its ID
        unitHead("NA-STNMT").document("query($id: ID!) { node(id: $id) { id } }").variable("id", f.get("id")).execute()
                .path("node").valueIsNull();
    }

    @Test
    void inspectorsSeeOverdueAndUnansweredFeedbackAcrossUnits() {
        GraphQlTester.Response r = inspector().documentName("feedbackList").variable("filter", Map.of("overdue", true))
                .variable("first", 50).execute();
        List<String> codes = r.path("feedbackList.nodes[*].code").entityList(String.class).get();
        assertThat(codes).contains("GY-DEMO0001");
        assertThat(r.path("feedbackList.nodes[*].overdue").entityList(Boolean.class).get()).containsOnly(true);
        assertThat(r.path("feedbackList.nodes[*].status").entityList(String.class).get()).containsOnly("OPEN");
        // the unit head of the overdue item sees it; another unit's head does not
        assertThat(headSyt().documentName("feedbackList").variable("filter", Map.of("overdue", true)).execute()
                .path("feedbackList.nodes[*].code").entityList(String.class).get()).contains("GY-DEMO0001");
        assertThat(unitHead("NA-STNMT").documentName("feedbackList").variable("first", 50).execute()
                .path("feedbackList.nodes[*].unit.code").entityList(String.class).get()).containsOnly("NA-STNMT");
        // answered items, ordered by answer deadline, page by page
        GraphQlTester.Response answered = inspector().documentName("feedbackList").variable("filter", Map.of("status", "ANSWERED"))
                .variable("orderBy", List.of(Map.of("field", "ANSWER_DUE_DATE", "direction", "ASC"))).variable("first", 1).execute();
        answered.path("feedbackList.nodes[0].code").entity(String.class).isEqualTo("GY-DEMO0005");
        answered.path("feedbackList.nodes[0].answer.late").entity(Boolean.class).isEqualTo(true);
        String cursor = answered.path("feedbackList.pageInfo.endCursor").entity(String.class).get();
        inspector().documentName("feedbackList").variable("filter", Map.of("status", "ANSWERED"))
                .variable("orderBy", List.of(Map.of("field", "ANSWER_DUE_DATE", "direction", "ASC"))).variable("first", 1)
                .variable("after", cursor).execute()
                .path("feedbackList.nodes[0].code").entity(String.class).isEqualTo("GY-DEMO0003");
    }

    @Test
    void theScorecardFiguresCountTheDemoItemsOfAPeriod() {
        Map<String, Object> period = Map.of("submittedFrom", "2024-01-01", "submittedTo", "2026-11-20");
        GraphQlTester.Response all = inspector().documentName("feedbackStatistics").variable("filter", period).execute();
        all.path("feedbackStatistics.received").entity(Integer.class).isEqualTo(5);
        all.path("feedbackStatistics.answered").entity(Integer.class).isEqualTo(3);
        all.path("feedbackStatistics.answeredOnTime").entity(Integer.class).isEqualTo(2);
        all.path("feedbackStatistics.overdue").entity(Integer.class).isEqualTo(1);
        all.path("feedbackStatistics.rated").entity(Integer.class).isEqualTo(2);
        all.path("feedbackStatistics.averageRating").entity(Double.class).isEqualTo(4.5);
        // a unit head counts their subtree only
        unitHead("NA-STNMT").documentName("feedbackStatistics").variable("filter", period).execute()
                .path("feedbackStatistics.received").entity(Integer.class).isEqualTo(1);
        citizen().documentName("feedbackStatistics").execute().errors().satisfy(errors ->
                assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
    }

    @Test
    void submissionsAreCheckedFieldByField() {
        submitRefused(anonymousInput(), "ABOUT_REQUIRED", "procedureId");
        submitRefused(anonymousInput("unitId", unitId("NA-SYT"), "procedureId", procedureOf("NA-SYT")), "ABOUT_AMBIGUOUS", "procedureId");
        Map<String, Object> noName = anonymousInput("unitId", unitId("NA-SYT"));
        noName.remove("senderName");
        submitRefused(noName, "REQUIRED", "senderName");
        Map<String, Object> noContact = anonymousInput("unitId", unitId("NA-SYT"));
        noContact.remove("senderPhone");
        submitRefused(noContact, "CONTACT_REQUIRED", "senderEmail");
        submitRefused(anonymousInput("unitId", unitId("NA-SYT"), "message", "Chậm"), "TOO_SHORT", "message");
        submitRefused(anonymousInput("unitId", unitId("NA-SYT"), "senderEmail", "not-an-email"), "INVALID", "senderEmail");
        // a unit that no longer exists (districts ended on 30 June 2025)
        submitRefused(anonymousInput("unitId", unitId("NA-NGHILOC")), "NOT_FOUND", "unitId");
        // a dossier needs its second factor, and a wrong one is "no match"
        String code = jdbc.sql("select receipt_code from dossier where identity_number = '040190000123' order by id limit 1")
                .query(String.class).single();
        submitRefused(anonymousInput("dossierReceiptCode", code), "REQUIRED", "dossierSecondFactor");
        submitRefused(anonymousInput("dossierReceiptCode", code, "dossierSecondFactor", "WRONGSECRET"), "NOT_FOUND", "dossierReceiptCode");
    }

    @Test
    void feedbackAboutADossierGoesToItsHandlingUnitAndALoggedInSenderNeedsNoSecret() {
        String code = jdbc.sql("select receipt_code from dossier where identity_number = '040190000123' order by id limit 1")
                .query(String.class).single();
        String unit = jdbc.sql("select u.name from dossier d join unit u on u.id = d.unit_id where d.receipt_code = :c").param("c", code)
                .query(String.class).single();
        GraphQlTester.Response r = submit(anonymous(), anonymousInput("dossierReceiptCode", code, "dossierSecondFactor", "LANTERNDEMO"));
        r.path("feedbackSubmit.feedback.unitName").entity(String.class).isEqualTo(unit);
        r.path("feedbackSubmit.feedback.dossierReceiptCode").entity(String.class).isEqualTo(code);

        Map<String, Object> input = new HashMap<>(Map.of("kind", "RECOMMENDATION", "dossierReceiptCode", code,
                "message", "Đề nghị gửi tin nhắn khi hồ sơ có kết quả để người dân không phải đi lại nhiều lần."));
        Sent s = sent(submit(citizen(), input));
        // the logged-in sender follows it without the secret; another citizen cannot
        citizen().documentName("feedbackStatus").variable("code", s.code()).execute().path("feedbackStatus.code").entity(String.class)
                .isEqualTo(s.code());
        as(tokens().citizen("someone.else", "040090001111")).documentName("feedbackStatus").variable("code", s.code()).execute()
                .path("feedbackStatus").valueIsNull();
        // someone else's dossier cannot be named without its second factor
        GraphQlTester.Response other = submit(as(tokens().citizen("someone.else", "040090001111")), input);
        other.path("feedbackSubmit.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void anAddressSendingTooMuchIsThrottled() {
        for (int i = 0; i < 5; i++) {
            sent(submit(anonymous(), anonymousInput("unitId", unitId("NA-SYT"))));
        }
        submit(anonymous(), anonymousInput("unitId", unitId("NA-SYT"))).errors().satisfy(errors -> {
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", "RATE_LIMITED");
            assertThat(errors.getFirst().getExtensions()).containsKey("retryAfterSeconds");
        });
    }

    @Test
    void thePickersArePublic() {
        String name = jdbc.sql("select name from procedure where review_state <> 'ABOLISHED' order by id limit 1").query(String.class).single();
        // diacritics do not matter
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        GraphQlTester.Response r = anonymous().documentName("feedbackPickers").variable("text", folded).variable("first", 5).execute();
        assertThat(r.path("feedbackUnits[*].code").entityList(String.class).get()).contains("NA-SYT").doesNotContain("NA-NGHILOC");
        assertThat(r.path("feedbackProcedures[*].name").entityList(String.class).get()).contains(name).hasSizeLessThanOrEqualTo(5);
        anonymous().documentName("feedbackPickers").variable("first", 21).execute().errors().satisfy(errors ->
                assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST));
    }
}
