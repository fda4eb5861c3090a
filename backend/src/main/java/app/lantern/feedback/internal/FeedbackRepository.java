package app.lantern.feedback.internal;

import app.lantern.calendar.WorkingDays;
import app.lantern.feedback.Feedback;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Scope;
import app.lantern.shared.security.ScopeSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feedback SQL: public reads by code, scoped keyset pages for staff, writes. */
@Repository
public class FeedbackRepository {

    private static final String FROM = """
             from feedback f
             join unit u on u.id = f.unit_id
             left join procedure p on p.id = f.procedure_id
             left join dossier d on d.id = f.dossier_id""";

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What staff read, with the sender when {@code senderVisibleSql} holds. */
    private static String select(String senderVisibleSql) {
        return "select f.id, f.code, f.kind, f.unit_id, u.name as unit_name, f.procedure_id, p.name as procedure_name,"
                + " d.receipt_code as dossier_code, f.message, f.sender_name, f.sender_email, f.sender_phone, f.sender_username,"
                + " f.submitted_at, f.answer_due_date, f.answer, f.answered_at, f.answered_by_official_id, f.rating, f.version, "
                + senderVisibleSql + " as sender_visible " + FROM;
    }

    private static Feedback map(ResultSet rs, int n) throws SQLException {
        boolean visible = rs.getBoolean("sender_visible");
        return new Feedback(rs.getLong("id"), rs.getString("code"), rs.getString("kind"), rs.getLong("unit_id"),
                rs.getString("unit_name"), rs.getObject("procedure_id", Long.class), rs.getString("procedure_name"),
                rs.getString("dossier_code"), rs.getString("message"), visible ? rs.getString("sender_name") : null,
                visible ? rs.getString("sender_email") : null, visible ? rs.getString("sender_phone") : null,
                rs.getString("sender_username") != null, instant(rs, "submitted_at"), rs.getObject("answer_due_date", LocalDate.class),
                rs.getString("answer"), instant(rs, "answered_at"), rs.getObject("answered_by_official_id", Long.class),
                rs.getObject("rating", Integer.class), rs.getInt("version"), visible);
    }

    // ------------------------------------------------------------------ public

    /** Secret hash and sender's login of a code, for checking a follow-up. */
    public record Credentials(long id, String code, String secretHash, String senderUsername) {
    }

    public Optional<Credentials> credentials(String code) {
        return jdbc.sql("select id, code, secret_hash, sender_username from feedback where code = :code").param("code", code)
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("code"), rs.getString("secret_hash"),
                        rs.getString("sender_username")))
                .optional();
    }

    /** The item without the sender (the sender's own view, or before scoping). */
    public Optional<Feedback> publicView(long id) {
        return jdbc.sql(select("false") + " where f.id = :id").param("id", id).query(FeedbackRepository::map).optional();
    }

    public Optional<Feedback> lockPublic(long id) {
        return jdbc.sql(select("false") + " where f.id = :id for update of f").param("id", id).query(FeedbackRepository::map).optional();
    }

    public record UnitOption(long id, String code, String name) {
    }

    /** Units valid on {@code today}, by name. */
    public List<UnitOption> currentUnits(LocalDate today) {
        return jdbc.sql("select id, code, name from unit where valid_from <= :today and (valid_to is null or valid_to >= :today)"
                        + " order by path")
                .param("today", today).query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
    }

    public Optional<UnitOption> currentUnit(long id, LocalDate today) {
        return jdbc.sql("select id, code, name from unit where id = :id and valid_from <= :today and (valid_to is null or valid_to >= :today)")
                .param("id", id).param("today", today)
                .query((rs, n) -> new UnitOption(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).optional();
    }

    public record ProcedureOption(long id, String nationalCode, String name, long unitId, String unitName) {
    }

    private static ProcedureOption procedure(ResultSet rs, int n) throws SQLException {
        return new ProcedureOption(rs.getLong("id"), rs.getString("national_code"), rs.getString("name"), rs.getLong("unit_id"),
                rs.getString("unit_name"));
    }

    /** Procedures in force matching the words, of one unit or all, best matches first. */
    public List<ProcedureOption> procedures(String text, Long unitId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        List<String> where = new ArrayList<>(List.of("p.review_state <> 'ABOLISHED'"));
        if (unitId != null) {
            where.add("p.unit_id = :unit");
            params.addValue("unit", unitId);
        }
        if (text != null) {
            where.add("lantern_fold(p.national_code || ' ' || p.name) like '%' || lantern_fold(:text) || '%'");
            params.addValue("text", text);
        }
        return jdbc.sql("select p.id, p.national_code, p.name, p.unit_id, u.name as unit_name from procedure p"
                        + " join unit u on u.id = p.unit_id where " + String.join(" and ", where) + " order by p.name, p.id limit :limit")
                .paramSource(params).query(FeedbackRepository::procedure).list();
    }

    public Optional<ProcedureOption> procedure(long id) {
        return jdbc.sql("select p.id, p.national_code, p.name, p.unit_id, u.name as unit_name from procedure p"
                        + " join unit u on u.id = p.unit_id where p.id = :id and p.review_state <> 'ABOLISHED'")
                .param("id", id).query(FeedbackRepository::procedure).optional();
    }

    // ------------------------------------------------------------------ staff

    /** Conditions of a staff list, scoped to the caller's subtree. */
    public record Filter(Long unit, boolean includeSubunits, Feedback.Status status, Boolean overdue, String kind,
                         LocalDate submittedFrom, LocalDate submittedTo, String text) {
        public static final Filter ANY = new Filter(null, true, null, null, null, null, null, null);
    }

    /** The sort: newest first (default) or by answer deadline. */
    public enum Order {
        SUBMITTED_AT_DESC(new Keyset(List.of(new Keyset.Key("f.submitted_at", true, Instant.class), new Keyset.Key("f.id", true, Long.class)))),
        SUBMITTED_AT_ASC(new Keyset(List.of(new Keyset.Key("f.submitted_at", false, Instant.class), new Keyset.Key("f.id", false, Long.class)))),
        ANSWER_DUE_DATE_ASC(new Keyset(List.of(new Keyset.Key("f.answer_due_date", false, LocalDate.class), new Keyset.Key("f.id", false, Long.class)))),
        ANSWER_DUE_DATE_DESC(new Keyset(List.of(new Keyset.Key("f.answer_due_date", true, LocalDate.class), new Keyset.Key("f.id", true, Long.class))));

        final Keyset keyset;

        Order(Keyset keyset) {
            this.keyset = keyset;
        }

        public String cursor(Feedback f) {
            return switch (this) {
                case SUBMITTED_AT_DESC, SUBMITTED_AT_ASC -> Keyset.cursor(f.submittedAt(), f.key());
                case ANSWER_DUE_DATE_ASC, ANSWER_DUE_DATE_DESC -> Keyset.cursor(f.answerDueDate(), f.key());
            };
        }
    }

    private static String conditions(Filter f, Scope scope, LocalDate today, MapSqlParameterSource params) {
        ScopeSql.bind(scope, params);
        List<String> where = new ArrayList<>();
        where.add(ScopeSql.unitIdInSubtree(scope, "f.unit_id"));
        if (f.unit() != null) {
            params.addValue("unit", f.unit());
            where.add(f.includeSubunits()
                    ? "f.unit_id in (select fu.id from unit fu where fu.path like (select fr.path from unit fr where fr.id = :unit) || '%')"
                    : "f.unit_id = :unit");
        }
        if (f.status() != null) {
            where.add(f.status() == Feedback.Status.OPEN ? "f.answer is null" : "f.answer is not null");
        }
        if (f.overdue() != null) {
            params.addValue("today", today);
            String overdue = "(f.answer is null and f.answer_due_date < :today)";
            where.add(f.overdue() ? overdue : "not " + overdue);
        }
        if (f.kind() != null) {
            where.add("f.kind = :kind");
            params.addValue("kind", f.kind());
        }
        if (f.submittedFrom() != null) {
            where.add("f.submitted_at >= :from");
            params.addValue("from", startOf(f.submittedFrom()));
        }
        if (f.submittedTo() != null) {
            where.add("f.submitted_at < :to");
            params.addValue("to", startOf(f.submittedTo().plusDays(1)));
        }
        if (f.text() != null) {
            where.add("lantern_fold(f.code || ' ' || f.message) like '%' || lantern_fold(:text) || '%'");
            params.addValue("text", f.text());
        }
        return String.join(" and ", where);
    }

    public List<Feedback> page(Filter filter, Order order, PageRequest page, Scope scope, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", page.limit());
        String where = conditions(filter, scope, today, params);
        if (page.cursor() != null) {
            where += " and " + order.keyset.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        return jdbc.sql(select(ScopeSql.personalData(scope, "f.unit_id")) + " where " + where + " order by "
                        + order.keyset.orderBy(page.backward()) + " limit :limit")
                .paramSource(params).query(FeedbackRepository::map).list();
    }

    public long count(Filter filter, Scope scope, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.sql("select count(*) from feedback f where " + conditions(filter, scope, today, params))
                .paramSource(params).query(Long.class).single();
    }

    /** Figures over the filtered items; see {@code FeedbackStatistics} in the SDL. */
    public record Statistics(long received, long answered, long answeredOnTime, long overdue, long rated, long satisfied,
                             Double averageRating) {
    }

    public Statistics statistics(Filter filter, Scope scope, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("statsToday", today);
        String where = conditions(filter, scope, today, params);
        return jdbc.sql("""
                        select count(*) as received,
                            count(*) filter (where f.answer is not null) as answered,
                            count(*) filter (where f.answer is not null
                                and (f.answered_at at time zone 'Asia/Ho_Chi_Minh')::date <= f.answer_due_date) as on_time,
                            count(*) filter (where f.answer is null and f.answer_due_date < :statsToday) as overdue,
                            count(f.rating) as rated,
                            count(*) filter (where f.rating >= 4) as satisfied,
                            avg(f.rating)::float8 as average
                        from feedback f""" + " where " + where)
                .paramSource(params)
                .query((rs, n) -> new Statistics(rs.getLong("received"), rs.getLong("answered"), rs.getLong("on_time"),
                        rs.getLong("overdue"), rs.getLong("rated"), rs.getLong("satisfied"), rs.getObject("average", Double.class)))
                .single();
    }

    public Optional<Feedback> byId(long id, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("id", id));
        return jdbc.sql(select(ScopeSql.personalData(scope, "f.unit_id")) + " where f.id = :id and "
                        + ScopeSql.unitIdInSubtree(scope, "f.unit_id"))
                .paramSource(params).query(FeedbackRepository::map).optional();
    }

    public Optional<Feedback> lockById(long id, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("id", id));
        return jdbc.sql(select(ScopeSql.personalData(scope, "f.unit_id")) + " where f.id = :id and "
                        + ScopeSql.unitIdInSubtree(scope, "f.unit_id") + " for update of f")
                .paramSource(params).query(FeedbackRepository::map).optional();
    }

    // ------------------------------------------------------------------ writes

    public record NewFeedback(String code, String secretHash, String kind, long unitId, Long procedureId, Long dossierId,
                              String message, String senderName, String senderEmail, String senderPhone, String senderUsername,
                              Instant submittedAt, LocalDate answerDueDate) {
    }

    public long insert(NewFeedback f) {
        return jdbc.sql("""
                        insert into feedback (code, secret_hash, kind, unit_id, procedure_id, dossier_id, message, sender_name,
                            sender_email, sender_phone, sender_username, submitted_at, answer_due_date)
                        values (:code, :hash, :kind, :unit, :procedure, :dossier, :message, :name, :email, :phone, :username,
                            :submittedAt, :due)
                        returning id""")
                .param("code", f.code()).param("hash", f.secretHash()).param("kind", f.kind()).param("unit", f.unitId())
                .param("procedure", f.procedureId()).param("dossier", f.dossierId()).param("message", f.message())
                .param("name", f.senderName()).param("email", f.senderEmail()).param("phone", f.senderPhone())
                .param("username", f.senderUsername()).param("submittedAt", utc(f.submittedAt())).param("due", f.answerDueDate())
                .query(Long.class).single();
    }

    public boolean answer(long id, int version, String answer, Instant at, String username, Long officialId) {
        return jdbc.sql("""
                        update feedback set answer = :answer, answered_at = :at, answered_by = :username,
                            answered_by_official_id = :official, version = version + 1
                        where id = :id and version = :version and answer is null""")
                .param("answer", answer).param("at", utc(at)).param("username", username).param("official", officialId)
                .param("id", id).param("version", version).update() == 1;
    }

    public boolean rate(long id, int rating, Instant at) {
        return jdbc.sql("update feedback set rating = :rating, rated_at = :at, version = version + 1"
                        + " where id = :id and answer is not null and rating is null")
                .param("rating", rating).param("at", utc(at)).param("id", id).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(WorkingDays.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
