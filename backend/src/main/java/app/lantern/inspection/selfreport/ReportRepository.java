package app.lantern.inspection.selfreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Self-inspection reports in SQL; callers decide who may see and change which. */
@Repository
class ReportRepository {

    private static final String COLUMNS = "r.id, r.plan_id, r.unit_id, r.status, r.legal_reviewed, r.legal_expired, r.legal_in_force,"
            + " r.legal_amend, r.legal_abolish, r.proposals, r.submitted_at, r.submitted_late, r.return_reason, r.version";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SelfInspectionReport> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from self_inspection_report r where r.id = :id").param("id", id)
                .query(ReportRepository::report).optional();
    }

    Optional<SelfInspectionReport> lockById(long id) {
        return jdbc.sql("select " + COLUMNS + " from self_inspection_report r where r.id = :id for update").param("id", id)
                .query(ReportRepository::report).optional();
    }

    Optional<SelfInspectionReport> byPlanAndUnit(long planId, long unitId) {
        return jdbc.sql("select " + COLUMNS + " from self_inspection_report r where r.plan_id = :p and r.unit_id = :u")
                .param("p", planId).param("u", unitId).query(ReportRepository::report).optional();
    }

    /** Creates the empty draft unless it exists; true when this call created it. */
    boolean createDraft(long planId, long unitId, Instant at) {
        return jdbc.sql("insert into self_inspection_report (plan_id, unit_id, created_at) values (:p, :u, :at)"
                        + " on conflict (plan_id, unit_id) do nothing")
                .param("p", planId).param("u", unitId).param("at", at.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** A target unit, in the subtree a unit head heads, of a plan that is approved or in fieldwork. */
    record OpenTarget(long planId, String planNumber, long unitId, String unitCode) {
    }

    /** The targets of plans approved or in fieldwork that lie in the subtree of the unit {@code headUnitCode}. */
    List<OpenTarget> openTargetsOf(String headUnitCode) {
        return jdbc.sql("select p.id, p.number, u.id as unit_id, u.code from inspection_target t"
                        + " join inspection_plan p on p.id = t.plan_id join unit u on u.id = t.unit_id"
                        + " where p.status in ('APPROVED', 'IN_PROGRESS')"
                        + " and u.path like (select h.path from unit h where h.code = :unit) || '%'")
                .param("unit", headUnitCode)
                .query((rs, n) -> new OpenTarget(rs.getLong("id"), rs.getString("number"), rs.getLong("unit_id"), rs.getString("code"))).list();
    }

    /**
     * The reports not yet accepted of the target units in the subtree of {@code headUnitCode}, of plans
     * past their draft; by the plan's due date (none last), then the unit tree.
     */
    List<SelfInspectionReport> pendingOf(String headUnitCode) {
        return jdbc.sql("select " + COLUMNS + " from self_inspection_report r join inspection_plan p on p.id = r.plan_id"
                        + " join unit u on u.id = r.unit_id"
                        + " where r.status <> 'ACCEPTED' and p.status <> 'DRAFT'"
                        + " and u.path like (select h.path from unit h where h.code = :unit) || '%'"
                        + " order by p.self_report_due nulls last, p.id, u.path")
                .param("unit", headUnitCode).query(ReportRepository::report).list();
    }

    /** Reports of plans, in unit tree order: those not in draft, and (any status) those of {@code ownUnits}. */
    List<SelfInspectionReport> ofPlans(Collection<Long> submittedOf, Collection<Long> planIds, Collection<Long> ownUnits) {
        return jdbc.sql("select " + COLUMNS + " from self_inspection_report r join unit u on u.id = r.unit_id"
                        + " where (r.plan_id in (:whole) and r.status <> 'DRAFT') or (r.plan_id in (:plans) and r.unit_id in (:own))"
                        + " order by r.plan_id, u.path")
                .param("whole", nonEmpty(submittedOf)).param("plans", nonEmpty(planIds)).param("own", nonEmpty(ownUnits))
                .query(ReportRepository::report).list();
    }

    List<SelfInspectionReport.Difficulty> difficulties(Collection<Long> reportIds) {
        return jdbc.sql("select report_id, ordinal, category, description from self_report_difficulty where report_id in (:ids)"
                        + " and removed_at is null order by report_id, ordinal")
                .param("ids", nonEmpty(reportIds))
                .query((rs, n) -> new SelfInspectionReport.Difficulty(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4))).list();
    }

    List<SelfInspectionReport.Simplification> simplifications(Collection<Long> reportIds) {
        return jdbc.sql("select report_id, ordinal, procedure_id, proposal from self_report_simplification where report_id in (:ids)"
                        + " and removed_at is null order by report_id, ordinal")
                .param("ids", nonEmpty(reportIds))
                .query((rs, n) -> new SelfInspectionReport.Simplification(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** Writes the report's contents and state if the stored version is still {@code expectedVersion}. */
    boolean update(SelfInspectionReport r, int expectedVersion) {
        return jdbc.sql("""
                        update self_inspection_report set status = :status, legal_reviewed = :reviewed, legal_expired = :expired,
                            legal_in_force = :inForce, legal_amend = :amend, legal_abolish = :abolish, proposals = :proposals,
                            submitted_at = :submittedAt, submitted_late = :late, return_reason = :returnReason, version = version + 1
                        where id = :id and version = :version""")
                .param("status", r.status().name()).param("reviewed", r.legalReviewed()).param("expired", r.legalExpired())
                .param("inForce", r.legalInForce()).param("amend", r.legalAmend()).param("abolish", r.legalAbolish())
                .param("proposals", r.proposals())
                .param("submittedAt", r.submittedAt() == null ? null : r.submittedAt().atOffset(ZoneOffset.UTC))
                .param("late", r.submittedLate()).param("returnReason", r.returnReason())
                .param("id", r.key()).param("version", expectedVersion).update() == 1;
    }

    /** Marks the current difficulties removed at {@code at} and stores {@code items} in their place: nothing is deleted. */
    void replaceDifficulties(long reportId, List<SelfInspectionReport.Difficulty> items, Instant at) {
        jdbc.sql("update self_report_difficulty set removed_at = :at where report_id = :id and removed_at is null")
                .param("id", reportId).param("at", at.atOffset(ZoneOffset.UTC)).update();
        for (SelfInspectionReport.Difficulty d : items) {
            jdbc.sql("insert into self_report_difficulty (report_id, ordinal, category, description) values (:r, :o, :c, :d)")
                    .param("r", reportId).param("o", d.ordinal()).param("c", d.category()).param("d", d.description()).update();
        }
    }

    /** Marks the current simplification proposals removed at {@code at} and stores {@code items} in their place. */
    void replaceSimplifications(long reportId, List<SelfInspectionReport.Simplification> items, Instant at) {
        jdbc.sql("update self_report_simplification set removed_at = :at where report_id = :id and removed_at is null")
                .param("id", reportId).param("at", at.atOffset(ZoneOffset.UTC)).update();
        for (SelfInspectionReport.Simplification s : items) {
            jdbc.sql("insert into self_report_simplification (report_id, ordinal, procedure_id, proposal) values (:r, :o, :p, :t)")
                    .param("r", reportId).param("o", s.ordinal()).param("p", s.procedureId()).param("t", s.proposal()).update();
        }
    }

    /** Appends a submission: the report's content as submitted, as JSON. */
    void insertSubmission(long reportId, Instant at, String by, boolean late, String content) {
        jdbc.sql("insert into self_report_submission (report_id, submitted_at, submitted_by, late, content)"
                        + " values (:r, :at, :by, :late, cast(:content as jsonb))")
                .param("r", reportId).param("at", at.atOffset(ZoneOffset.UTC)).param("by", by).param("late", late)
                .param("content", content).update();
    }

    /** A stored submission, its content as JSON. */
    record StoredSubmission(long reportId, Instant submittedAt, String submittedBy, boolean late, String content) {
    }

    /** The submissions of {@code reportIds}, oldest first per report. */
    List<StoredSubmission> submissions(Collection<Long> reportIds) {
        return jdbc.sql("select report_id, submitted_at, submitted_by, late, content::text from self_report_submission"
                        + " where report_id in (:ids) order by report_id, submitted_at, id")
                .param("ids", nonEmpty(reportIds))
                .query((rs, n) -> new StoredSubmission(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5))).list();
    }

    /** The content of the latest submission of each of {@code reportIds} that has one. */
    Map<Long, String> latestSubmissions(Collection<Long> reportIds) {
        Map<Long, String> result = new HashMap<>();
        jdbc.sql("select distinct on (report_id) report_id, content::text from self_report_submission where report_id in (:ids)"
                        + " order by report_id, submitted_at desc, id desc")
                .param("ids", nonEmpty(reportIds))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static SelfInspectionReport report(ResultSet rs, int n) throws SQLException {
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        return new SelfInspectionReport(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("unit_id"),
                ReportLifecycle.Status.valueOf(rs.getString("status")), rs.getInt("legal_reviewed"), rs.getInt("legal_expired"),
                rs.getInt("legal_in_force"), rs.getInt("legal_amend"), rs.getInt("legal_abolish"), rs.getString("proposals"),
                submitted == null ? null : submitted.toInstant(), rs.getBoolean("submitted_late"), rs.getString("return_reason"),
                rs.getInt("version"));
    }

    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
