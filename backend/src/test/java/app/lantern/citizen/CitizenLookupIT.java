package app.lantern.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.lantern.shared.graphql.NodeId;
import app.lantern.shared.graphql.RateLimitedException;
import app.lantern.support.ApiTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public dossier lookup: found by code and any second factor, the same answer for a wrong code
 * and a wrong second factor, no personal data in any answer, throttled per address and per code,
 * and 10,000 random guesses find nothing.
 */
class CitizenLookupIT extends ApiTestBase {

    static final String DEMO_CITIZEN = "040190000123";
    static final String DEMO_SECRET = "LANTERNDEMO";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CitizenDossiers citizens;

    record Applicant(long id, String code, String name, String identity, String phone, String address, long unitId) {
    }

    @BeforeEach
    void freshThrottle() {
        jdbc.sql("delete from request_throttle").update();
    }

    /** The demo citizen's dossiers of the demo data (their lookup secret is LANTERNDEMO). */
    private List<Applicant> demoCitizenDossiers() {
        return jdbc.sql("select id, receipt_code, applicant_name, identity_number, phone, address, unit_id, lookup_secret_hash"
                        + " from dossier where identity_number = :id order by id")
                .param("id", DEMO_CITIZEN)
                .query((rs, n) -> app.lantern.dossier.LookupSecrets.matches(rs.getString(2), DEMO_SECRET, rs.getString(8))
                        ? new Applicant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7)) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Names and numbers that must never appear in a public answer about the dossier. */
    private List<String> personalData(Applicant a) {
        List<String> values = new ArrayList<>(List.of(a.name(), a.identity(), a.phone(), a.address()));
        values.addAll(jdbc.sql("""
                        select o.full_name from official o where o.id in (
                            select official_id from dossier_event where dossier_id = :d and official_id is not null
                            union select current_official_id from dossier where id = :d and current_official_id is not null
                            union select id from official where unit_id = :u)""")
                .param("d", a.id()).param("u", a.unitId()).query(String.class).list());
        return values;
    }

    private String lookupJson(String code, String factor) {
        return PublicApi.post(http(), "dossierLookup", Map.of("receiptCode", code, "secondFactor", factor), null);
    }

    private GraphQlTester.Response lookup(HttpGraphQlTester tester, String code, String factor) {
        return tester.documentName("dossierLookup").variable("receiptCode", code).variable("secondFactor", factor).execute();
    }

    @Test
    void theApplicantFindsTheDossierWithTheSecretOrTheLastDigitsOfPhoneOrIdentity() {
        List<Applicant> dossiers = demoCitizenDossiers();
        assertThat(dossiers).as("the demo citizen has dossiers").isNotEmpty();
        Applicant a = dossiers.getFirst();
        String status = jdbc.sql("select status from dossier where id = ?").param(a.id()).query(String.class).single();

        GraphQlTester.Response r = lookup(anonymous(), a.code(), DEMO_SECRET);
        r.path("dossierLookup.receiptCode").entity(String.class).isEqualTo(a.code());
        r.path("dossierLookup.status").entity(String.class).isEqualTo(status);
        r.path("dossierLookup.unitName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
        r.path("dossierLookup.procedureName").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());
        r.path("dossierLookup.timeline[0].transition").entity(String.class).isEqualTo("RECEIVE");
        r.path("dossierLookup.nextAction").entity(String.class).satisfies(n -> assertThat(n).isNotBlank());

        // case and spaces do not matter; the last 4 digits of the phone or of the identity number work too
        lookup(anonymous(), " " + a.code().toLowerCase() + " ", "lantern demo").path("dossierLookup.receiptCode").entity(String.class)
                .isEqualTo(a.code());
        lookup(anonymous(), a.code(), a.phone().substring(a.phone().length() - 4)).path("dossierLookup.receiptCode")
                .entity(String.class).isEqualTo(a.code());
        lookup(anonymous(), a.code(), a.identity().substring(a.identity().length() - 4)).path("dossierLookup.receiptCode")
                .entity(String.class).isEqualTo(a.code());
    }

    @Test
    void noPublicAnswerContainsPersonalDataOrOfficialsNames() {
        for (Applicant a : demoCitizenDossiers()) {
            String json = lookupJson(a.code(), DEMO_SECRET);
            assertThat(json).contains(a.code());
            for (String value : personalData(a)) {
                assertThat(json).as("lookup of %s must not contain %s", a.code(), value).doesNotContain(value);
            }
            jdbc.sql("delete from request_throttle").update();
        }
        String mine = PublicApi.post(http(), "myDossiers", Map.of("first", 20), tokens().citizen("citizen", DEMO_CITIZEN));
        for (Applicant a : demoCitizenDossiers()) {
            assertThat(mine).contains(a.code());
            for (String value : personalData(a)) {
                assertThat(mine).as("my dossiers must not contain %s", value).doesNotContain(value);
            }
        }
    }

    @Test
    void aWrongCodeAndAWrongSecondFactorGetTheSameAnswer() {
        Applicant a = demoCitizenDossiers().getFirst();
        String wrongSecret = lookupJson(a.code(), "WRONGSECRET");
        String wrongDigits = lookupJson(a.code(), "0000".equals(a.phone().substring(a.phone().length() - 4)) ? "1111" : "0000");
        String unknownCode = lookupJson("NA-SYT-261120-999999", DEMO_SECRET);
        String unknownCodeAndSecret = lookupJson("NA-XX-000000-000001", "WRONGSECRET");
        assertThat(wrongSecret).isEqualTo("{\"data\":{\"dossierLookup\":null}}");
        assertThat(unknownCode).isEqualTo(wrongSecret);
        assertThat(unknownCodeAndSecret).isEqualTo(wrongSecret);
        assertThat(wrongDigits).isEqualTo(wrongSecret);
    }

    @Test
    void aWrongCodeAndAWrongSecondFactorTakeTheSameTime() {
        Applicant a = demoCitizenDossiers().getFirst();
        Random random = new Random(8);
        int rounds = 300;
        long[] wrongSecret = new long[rounds];
        long[] wrongCode = new long[rounds];
        for (int i = -50; i < rounds; i++) {
            jdbc.sql("delete from request_throttle").update();
            String code = "NA-SYT-2611" + String.format("%02d-%06d", random.nextInt(30), random.nextInt(1_000_000));
            long t0 = System.nanoTime();
            assertThat(citizens.lookup(a.code(), "WRONG" + i, "192.0.2.1")).isEmpty();
            long t1 = System.nanoTime();
            assertThat(citizens.lookup(code, DEMO_SECRET, "192.0.2.2")).isEmpty();
            long t2 = System.nanoTime();
            if (i >= 0) {
                wrongSecret[i] = t1 - t0;
                wrongCode[i] = t2 - t1;
            }
        }
        double a1 = median(wrongSecret) / 1e6;
        double a2 = median(wrongCode) / 1e6;
        assertThat(Math.abs(a1 - a2)).as("median ms: wrong secret %.3f, wrong code %.3f", a1, a2)
                .isLessThan(Math.max(1.0, 0.25 * Math.max(a1, a2)));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void anAddressIsThrottledWithARetryTimeAndOtherAddressesAreNot() {
        Applicant a = demoCitizenDossiers().getFirst();
        for (int i = 0; i < 5; i++) {
            lookup(anonymous(), a.code(), "WRONG" + i).path("dossierLookup").valueIsNull();
        }
        lookup(anonymous(), a.code(), DEMO_SECRET).errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("classification", "RATE_LIMITED");
            assertThat(errors.getFirst().getMessage()).contains("Wait a moment");
            assertThat(((Number) errors.getFirst().getExtensions().get("retryAfterSeconds")).longValue()).isBetween(1L, 60L);
        });
        // another address is not affected: it still finds the dossier
        assertThat(citizens.lookup(a.code(), DEMO_SECRET, "198.51.100.23")).isPresent();
    }

    @Test
    void aCodeTriedTooOftenIsLockedEvenFromManyAddressesAndForTheRightSecret() {
        Applicant a = demoCitizenDossiers().getFirst();
        for (int i = 0; i < 10; i++) {
            assertThat(citizens.lookup(a.code(), "WRONG" + i, "198.51.100." + i)).isEmpty();
        }
        assertThatThrownBy(() -> citizens.lookup(a.code(), DEMO_SECRET, "198.51.100.200"))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("locked");
        // successful lookups give their attempt back: the applicant checking often is not locked out
        jdbc.sql("delete from request_throttle").update();
        for (int i = 0; i < 30; i++) {
            assertThat(citizens.lookup(a.code(), DEMO_SECRET, "198.51.100." + (i % 5 + 50) + "")).isPresent();
            if (i % 5 == 4) {
                jdbc.sql("delete from request_throttle where bucket like 'lookup-address:%'").update();
            }
        }
    }

    @Test
    void tenThousandRandomGuessesFindNothingAndAreThrottled() {
        Random random = new Random(2960);
        String[] units = {"NA-SYT", "NA-STNMT", "NA-NGHILOC", "NA-QUYHOP", "NA-DOLUONG"};
        int hits = 0;
        int throttled = 0;
        int noMatch = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            String code = units[random.nextInt(units.length)] + "-2" + random.nextInt(10) + String.format("%04d-%06d",
                    random.nextInt(1232) + 101, random.nextInt(5000));
            String factor = random.nextBoolean() ? String.format("%04d", random.nextInt(10_000)) : Long.toString(random.nextLong(), 36);
            try {
                if (citizens.lookup(code, factor, "203.0.113.66").isPresent()) {
                    hits++;
                } else {
                    noMatch++;
                }
            } catch (RateLimitedException e) {
                throttled++;
            }
        }
        long minutes = (System.nanoTime() - started) / 60_000_000_000L + 1;
        assertThat(hits).isZero();
        assertThat(noMatch).as("only the address's allowance (5 a minute, %d minute windows) was even checked", minutes)
                .isBetween(5, 5 * (int) minutes);
        assertThat(throttled).isEqualTo(10_000 - noMatch);
        System.out.printf("10,000 random guesses from one address: %d hits, %d checked, %d throttled in %d ms%n", hits, noMatch,
                throttled, (System.nanoTime() - started) / 1_000_000);

        // a guesser with many addresses against the demo dossier: the code locks after 10 failures
        String target = demoCitizenDossiers().getFirst().code();
        hits = 0;
        throttled = 0;
        for (int i = 0; i < 10_000; i++) {
            try {
                if (citizens.lookup(target, String.format("%04d", random.nextInt(10_000)), "10." + (i / 250) + "." + (i % 250) + ".9").isPresent()) {
                    hits++;
                }
            } catch (RateLimitedException e) {
                throttled++;
            }
        }
        assertThat(hits).isZero();
        assertThat(throttled).isEqualTo(9_990);
    }

    @Test
    void aMissingCodeOrSecondFactorIsNamed() {
        lookup(anonymous(), " ", DEMO_SECRET).errors().satisfy(errors -> {
            assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.getFirst().getExtensions()).containsEntry("argument", "receiptCode");
        });
        lookup(anonymous(), "NA-SYT-1", "  ").errors().satisfy(errors ->
                assertThat(errors.getFirst().getExtensions()).containsEntry("argument", "secondFactor"));
    }

    // ------------------------------------------------------------------ my dossiers

    @Test
    void aCitizenSeesOnlyTheirOwnDossiers() {
        List<String> own = jdbc.sql("select receipt_code from dossier where identity_number = :id").param("id", DEMO_CITIZEN)
                .query(String.class).list();
        assertThat(own).hasSizeLessThan(20);
        GraphQlTester.Response r = citizen().documentName("myDossiers").variable("first", 20).execute();
        r.path("myDossiers.totalCount").entity(Integer.class).isEqualTo(own.size());
        assertThat(r.path("myDossiers.nodes[*].receiptCode").entityList(String.class).get()).containsExactlyInAnyOrderElementsOf(own);

        // another citizen sees none of them
        as(tokens().citizen("someone.else", "040090001111")).documentName("myDossiers").variable("first", 20).execute()
                .path("myDossiers.nodes[*].receiptCode").entityList(String.class)
                .satisfies(codes -> assertThat(codes).doesNotContainAnyElementsOf(own));
    }

    @Test
    void myDossiersIsForCitizensOnly() {
        anonymous().documentName("myDossiers").execute().errors().satisfy(errors ->
                assertThat(errors.getFirst().getErrorType()).isIn(ErrorType.UNAUTHORIZED, ErrorType.FORBIDDEN));
        for (HttpGraphQlTester staff : List.of(inspector(), admin(), unitHead("NA-SYT"), partner())) {
            staff.documentName("myDossiers").execute().errors().satisfy(errors ->
                    assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        }
    }

    // ------------------------------------------------------------------ satisfaction

    private HttpGraphQlTester headSyt() {
        return as(tokens().staff("head.syt", "NA-SYT", "unit_head"));
    }

    record Received(String id, String code, String secret) {
    }

    /** A dossier of the demo citizen received, processed, resolved and returned at NA-SYT through the staff API. */
    private Received returnedDossier(boolean returned) {
        long procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = 'NA-SYT'"
                + " and p.review_state <> 'ABOLISHED' order by p.id limit 1").query(Long.class).single();
        GraphQlTester.Response r = headSyt().documentName("dossierReceive").variable("input", Map.of(
                "procedureId", NodeId.encode("Procedure", procedure), "applicantKind", "PERSON", "applicantName", "Phạm Thị Lan",
                "identityNumber", DEMO_CITIZEN, "phone", "0912345678", "address", "Xóm 3, xã Nghi Long", "channel", "DIRECT")).execute();
        String id = r.path("dossierReceive.dossier.id").entity(String.class).get();
        String code = r.path("dossierReceive.dossier.receiptCode").entity(String.class).get();
        String secret = r.path("dossierReceive.lookupSecret").entity(String.class).get();
        int version = r.path("dossierReceive.dossier.version").entity(Integer.class).get();
        version = step("dossierAdvance", id, version, Map.of());
        if (returned) {
            version = step("dossierResolve", id, version, Map.of("result", "Quyết định số 12/QĐ-SYT"));
            step("dossierReturn", id, version, Map.of());
        }
        return new Received(id, code, secret);
    }

    private int step(String mutation, String id, int version, Map<String, Object> more) {
        Map<String, Object> input = new HashMap<>(more);
        input.put("dossierId", id);
        input.put("version", version);
        GraphQlTester.Response r = headSyt().documentName(mutation).variable("input", input).execute();
        r.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
        return r.path(mutation + ".dossier.version").entity(Integer.class).get();
    }

    private GraphQlTester.Response rate(HttpGraphQlTester tester, String code, String factor, int satisfaction) {
        Map<String, Object> input = new HashMap<>(Map.of("receiptCode", code, "satisfaction", satisfaction));
        if (factor != null) {
            input.put("secondFactor", factor);
        }
        return tester.documentName("dossierSatisfactionSubmit").variable("input", input).execute();
    }

    private void refused(GraphQlTester.Response r, String code) {
        r.path("dossierSatisfactionSubmit.dossier").valueIsNull();
        r.path("dossierSatisfactionSubmit.userErrors[0].code").entity(String.class).isEqualTo(code);
    }

    @Test
    void theApplicantRatesOnceAfterReturnWithCodeAndSecret() {
        Received open = returnedDossier(false);
        refused(rate(anonymous(), open.code(), open.secret(), 5), "NOT_RETURNED");

        Received d = returnedDossier(true);
        refused(rate(anonymous(), d.code(), "WRONGSECRET", 4), "NOT_FOUND");
        refused(rate(anonymous(), "NA-SYT-000000-000000", d.secret(), 4), "NOT_FOUND");
        refused(rate(anonymous(), d.code(), null, 4), "REQUIRED");
        refused(rate(anonymous(), d.code(), d.secret(), 6), "OUT_OF_RANGE");

        GraphQlTester.Response r = rate(anonymous(), d.code(), d.secret(), 4);
        r.path("dossierSatisfactionSubmit.userErrors").entityList(Object.class).hasSize(0);
        r.path("dossierSatisfactionSubmit.dossier.satisfaction").entity(Integer.class).isEqualTo(4);
        r.path("dossierSatisfactionSubmit.dossier.canRate").entity(Boolean.class).isEqualTo(false);
        assertThat(r.path("dossierSatisfactionSubmit.dossier.timeline[*].transition").entityList(String.class).get()).endsWith("RATE");
        // it feeds the dossier's satisfaction that staff and the scorecard read
        headSyt().documentName("dossierDetail").variable("code", d.code()).execute()
                .path("dossier.satisfaction").entity(Integer.class).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'dossier.rate' and object_id = :c"
                + " and details ->> 'by' = 'applicant'")
                .param("c", d.code()).query(Long.class).single()).isEqualTo(1);

        jdbc.sql("delete from request_throttle").update(); // five lookups a minute per address: start a new minute
        refused(rate(anonymous(), d.code(), d.secret(), 5), "ALREADY_RATED");
        refused(rate(citizen(), d.code(), null, 5), "ALREADY_RATED");
    }

    @Test
    void aLoggedInCitizenRatesTheirOwnDossierWithoutTheSecretButNobodyElses() {
        Received d = returnedDossier(true);
        refused(rate(as(tokens().citizen("someone.else", "040090001111")), d.code(), null, 5), "NOT_FOUND");
        GraphQlTester.Response r = rate(citizen(), d.code(), null, 5);
        r.path("dossierSatisfactionSubmit.dossier.satisfaction").entity(Integer.class).isEqualTo(5);
        assertThat(jdbc.sql("select actor from dossier_event where dossier_id = :id and transition = 'RATE'")
                .param("id", NodeId.longKey(d.id(), "Dossier")).query(String.class).single()).isEqualTo("citizen");
    }
}
