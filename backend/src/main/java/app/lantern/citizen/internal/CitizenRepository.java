package app.lantern.citizen.internal;

import app.lantern.calendar.Deadlines;
import app.lantern.citizen.PublicDossier;
import app.lantern.dossier.DossierStatus;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The citizen's view of dossiers. The public columns are listed one by one: applicant and official
 * columns are never selected for a view, only compared inside {@link #credentials}.
 */
@Repository
public class CitizenRepository {

    private static final String VIEW = """
            select d.id, d.receipt_code, p.national_code, p.name as procedure_name, u.name as unit_name, u.address as unit_address,
                u.phone as unit_phone, u.email as unit_email, d.channel, d.received_at, d.due_date, d.status, cs.name as step_name,
                d.resolved_at, d.returned_at, d.late, d.apology_reason, d.apology_new_date, d.reject_reason, d.satisfaction,
                (select e.reason from dossier_event e where e.dossier_id = d.id and e.transition = 'REQUEST_SUPPLEMENT'
                 order by e.seq desc limit 1) as supplement_reason
            from dossier d
            join procedure p on p.id = d.procedure_id
            join unit u on u.id = d.unit_id
            left join procedure_step cs on cs.id = d.current_step_id
            """;

    private static final Keyset NEWEST_FIRST = new Keyset(List.of(
            new Keyset.Key("d.received_at", true, Instant.class), new Keyset.Key("d.id", true, Long.class)));

    private final JdbcClient jdbc;

    CitizenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a second factor is checked against; empty when no dossier has this code. */
    public record Credentials(long id, String receiptCode, String secretHash, String phone, String identityNumber, long unitId,
                              DossierStatus status, LocalDate dueDate, Instant resolvedAt, Integer satisfaction) {
    }

    public Optional<Credentials> credentials(String receiptCode) {
        return jdbc.sql("select id, receipt_code, lookup_secret_hash, phone, identity_number, unit_id, status, due_date, resolved_at,"
                        + " satisfaction from dossier where receipt_code = :code")
                .param("code", receiptCode).query(CitizenRepository::credentials).optional();
    }

    /** The dossier's credentials with its row locked, for a rating. */
    public Optional<Credentials> lockCredentials(long id) {
        return jdbc.sql("select id, receipt_code, lookup_secret_hash, phone, identity_number, unit_id, status, due_date, resolved_at,"
                        + " satisfaction from dossier where id = :id for update")
                .param("id", id).query(CitizenRepository::credentials).optional();
    }

    private static Credentials credentials(ResultSet rs, int n) throws SQLException {
        return new Credentials(rs.getLong("id"), rs.getString("receipt_code"), rs.getString("lookup_secret_hash"),
                rs.getString("phone"), rs.getString("identity_number"), rs.getLong("unit_id"),
                DossierStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
                instant(rs, "resolved_at"), rs.getObject("satisfaction", Integer.class));
    }

    public List<PublicDossier> views(Collection<Long> ids, LocalDate today) {
        return jdbc.sql(VIEW + " where d.id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> view(rs, today)).list();
    }

    /** A page of the dossiers whose applicant's identity number is {@code citizenId}, newest first. */
    public List<PublicDossier> ofCitizen(String citizenId, PageRequest page, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource("citizen", citizenId).addValue("limit", page.limit());
        String after = page.cursor() == null ? "true" : NEWEST_FIRST.after(page.cursor(), page.backward(), params, "after");
        return jdbc.sql(VIEW + " where d.identity_number = :citizen and d.applicant_kind = 'PERSON' and " + after
                        + " order by " + NEWEST_FIRST.orderBy(page.backward()) + " limit :limit")
                .paramSource(params).query((rs, n) -> view(rs, today)).list();
    }

    public long countOfCitizen(String citizenId) {
        return jdbc.sql("select count(*) from dossier where identity_number = :citizen and applicant_kind = 'PERSON'")
                .param("citizen", citizenId).query(Long.class).single();
    }

    public static String cursor(PublicDossier d) {
        return Keyset.cursor(d.receivedAt(), d.key());
    }

    /** The public timelines of the given dossiers, oldest event first: no officials, actors, reasons or details. */
    public List<PublicDossier.Step> timelines(Collection<Long> ids) {
        return jdbc.sql("""
                        select e.dossier_id, e.seq, e.transition, e.to_status, e.at, s.name as step_name, u.name as unit_name
                        from dossier_event e
                        left join procedure_step s on s.id = e.step_id
                        left join unit u on u.id = e.unit_id
                        where e.dossier_id = any(:ids)
                        order by e.dossier_id, e.seq""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new PublicDossier.Step(rs.getLong("dossier_id"), rs.getInt("seq"), rs.getString("transition"),
                        DossierStatus.valueOf(rs.getString("to_status")), instant(rs, "at"), rs.getString("step_name"),
                        rs.getString("unit_name")))
                .list();
    }

    /** Records the rating if the dossier is still returned and unrated; false when someone was faster. */
    public boolean rate(long id, int satisfaction) {
        return jdbc.sql("update dossier set satisfaction = :s, version = version + 1"
                        + " where id = :id and status = 'RETURNED' and satisfaction is null")
                .param("s", satisfaction).param("id", id).update() == 1;
    }

    /** The RATE event of the dossier's timeline, by the applicant (no official). */
    public void insertRateEvent(long dossierId, long unitId, Instant at, String actor, String detailsJson) {
        jdbc.sql("""
                        insert into dossier_event (dossier_id, seq, transition, from_status, to_status, step_id, at, unit_id, official_id,
                            actor, reason, details)
                        values (:dossier, (select coalesce(max(seq), 0) + 1 from dossier_event where dossier_id = :dossier), 'RATE',
                            'RETURNED', 'RETURNED', null, :at, :unit, null, :actor, null, cast(:details as jsonb))""")
                .param("dossier", dossierId).param("at", at.atOffset(ZoneOffset.UTC)).param("unit", unitId)
                .param("actor", actor).param("details", detailsJson).update();
    }

    private static PublicDossier view(ResultSet rs, LocalDate today) throws SQLException {
        DossierStatus status = DossierStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new PublicDossier(rs.getLong("id"), rs.getString("receipt_code"), rs.getString("national_code"),
                rs.getString("procedure_name"), rs.getString("unit_name"), rs.getString("unit_address"), rs.getString("unit_phone"),
                rs.getString("unit_email"), rs.getString("channel"), instant(rs, "received_at"), due, status,
                rs.getString("step_name"), instant(rs, "resolved_at"), instant(rs, "returned_at"), rs.getBoolean("late"),
                Deadlines.isOverdue(due, status.clockRunning(), today), rs.getString("apology_reason"),
                rs.getObject("apology_new_date", LocalDate.class), rs.getString("reject_reason"),
                status == DossierStatus.SUPPLEMENT_REQUESTED ? rs.getString("supplement_reason") : null,
                rs.getObject("satisfaction", Integer.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
