package app.lantern.inspection.finding.internal;

import app.lantern.inspection.finding.Caller;
import app.lantern.inspection.finding.EvidenceDocument;
import app.lantern.inspection.finding.Finding;
import app.lantern.inspection.finding.FindingEvidence;
import app.lantern.inspection.finding.FollowUpEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Findings, their evidence, officials and follow-up, evidence documents and conclusions in SQL;
 * every read of findings is scoped to what the {@link Caller} may see.
 */
@Repository
public class FindingRepository {

    private static final String COLUMNS = "f.id, f.plan_id, f.number, f.category, f.severity, f.description, f.unit_id, f.status,"
            + " f.withdrawal_reason, f.recommendation, f.remediation_deadline, f.recommendation_status, f.recorded_by,"
            + " f.recorded_at, f.version";

    private static final String TEAM = "exists (select 1 from inspection_team_member vt join official vo on vo.id = vt.official_id"
            + " where vt.plan_id = f.plan_id and vo.idp_username = :viewer)";

    /**
     * A unit head's part: recorded findings of concluded plans whose unit lies in the subtree of the
     * head's unit, where the head's unit is itself a target or in a target's subtree.
     */
    private static final String HEAD = "(f.status = 'RECORDED'"
            + " and exists (select 1 from inspection_plan vp where vp.id = f.plan_id and vp.status in ('CONCLUDED', 'FOLLOW_UP', 'CLOSED'))"
            + " and exists (select 1 from unit vfu join unit vhu on vhu.code = :viewerUnit where vfu.id = f.unit_id"
            + " and vfu.path like vhu.path || '%' and exists (select 1 from inspection_target vg join unit vtu on vtu.id = vg.unit_id"
            + " where vg.plan_id = f.plan_id and vhu.path like vtu.path || '%')))";

    private final JdbcClient jdbc;

    FindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The findings {@code caller} sees, as an SQL condition on {@code f}: the team its plans', unit heads their part. */
    private static String visible(Caller caller) {
        if (caller.headUnitCode() == null) {
            return TEAM;
        }
        return "(" + TEAM + " or " + HEAD + ")";
    }

    /** Findings whose whole plan the caller sees (withdrawn ones included): the team's. */
    private static String wholePlan() {
        return TEAM;
    }

    private static Map<String, Object> bind(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", caller.username());
        params.put("viewerUnit", caller.headUnitCode());
        return params;
    }

    // ------------------------------------------------------------------ reading findings

    public Optional<Finding> byId(long id, Caller caller) {
        return jdbc.sql("select " + COLUMNS + " from finding f where f.id = :id and " + visible(caller))
                .params(bind(caller)).param("id", id).query(FindingRepository::finding).optional();
    }

    /** The finding, row-locked for a change, if {@code caller} sees it. */
    public Optional<Finding> lockById(long id, Caller caller) {
        return jdbc.sql("select " + COLUMNS + " from finding f where f.id = :id and " + visible(caller) + " for update")
                .params(bind(caller)).param("id", id).query(FindingRepository::finding).optional();
    }

    public Map<Long, Finding> byIds(Collection<Long> ids, Caller caller) {
        Map<Long, Finding> result = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from finding f where f.id = any(:ids) and " + visible(caller))
                .params(bind(caller)).param("ids", array(ids)).query(FindingRepository::finding).list()
                .forEach(f -> result.put(f.key(), f));
        return result;
    }

    /** What a plan's finding list is limited to; null fields do not limit. */
    public record Filter(Long unitId, List<String> recommendationStatus, Boolean overdue, boolean includeWithdrawn) {
    }

    /** The findings of {@code planIds} that {@code caller} sees and {@code filter} selects, by plan and number. */
    public List<Finding> ofPlans(Collection<Long> planIds, Filter filter, Caller caller, LocalDate today) {
        Map<String, Object> params = bind(caller);
        params.put("plans", array(planIds));
        params.put("today", today);
        StringBuilder where = new StringBuilder("f.plan_id = any(:plans) and ").append(visible(caller));
        if (!filter.includeWithdrawn()) {
            where.append(" and f.status = 'RECORDED'");
        } else {
            where.append(" and (f.status = 'RECORDED' or ").append(wholePlan()).append(")");
        }
        if (filter.unitId() != null) {
            where.append(" and f.unit_id in (select su.id from unit su join unit fu on fu.id = :unit where su.path like fu.path || '%')");
            params.put("unit", filter.unitId());
        }
        if (filter.recommendationStatus() != null && !filter.recommendationStatus().isEmpty()) {
            where.append(" and f.recommendation_status = any(:statuses)");
            params.put("statuses", filter.recommendationStatus().toArray(String[]::new));
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and " : " and not ").append(OVERDUE);
        }
        return jdbc.sql("select " + COLUMNS + " from finding f where " + where + " order by f.plan_id, f.number")
                .params(params).query(FindingRepository::finding).list();
    }

    private static final String OVERDUE = "(f.status = 'RECORDED' and f.remediation_deadline < :today"
            + " and f.recommendation_status not in ('VERIFIED', 'WAIVED'))";

    /** Per plan, how many of the findings {@code caller} sees are overdue on {@code today}. */
    public Map<Long, Integer> overdueCounts(Collection<Long> planIds, Caller caller, LocalDate today) {
        Map<Long, Integer> result = new HashMap<>();
        jdbc.sql("select f.plan_id, count(*) from finding f where f.plan_id = any(:plans) and " + visible(caller) + " and " + OVERDUE
                        + " group by f.plan_id")
                .params(bind(caller)).param("plans", array(planIds)).param("today", today)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /**
     * A unit head's recommendations to act on: their part of plans in CONCLUDED or FOLLOW_UP, neither
     * verified nor waived; overdue first, then by deadline.
     */
    public List<Finding> inbox(Caller caller, LocalDate today) {
        if (caller.headUnitCode() == null) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from finding f join inspection_plan p on p.id = f.plan_id where " + HEAD
                        + " and p.status in ('CONCLUDED', 'FOLLOW_UP') and f.recommendation_status not in ('VERIFIED', 'WAIVED')"
                        + " order by " + OVERDUE + " desc, f.remediation_deadline, p.id, f.number")
                .params(bind(caller)).param("today", today).query(FindingRepository::finding).list();
    }

    public List<FindingEvidence> evidenceOf(Collection<Long> findingIds) {
        return jdbc.sql("""
                        select finding_id, ordinal, kind, dossier_id, procedure_id, sample_id, sample_ordinal, document_id, note
                        from finding_evidence where finding_id = any(:ids) and removed_at is null order by finding_id, ordinal""")
                .param("ids", array(findingIds))
                .query((rs, n) -> new FindingEvidence(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getObject(7, Integer.class),
                        rs.getObject(8, Long.class), rs.getString(9))).list();
    }

    /** Responsible official ids per finding, in the order they were given. */
    public Map<Long, List<Long>> officialsOf(Collection<Long> findingIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        jdbc.sql("select finding_id, official_id from finding_official where finding_id = any(:ids) and removed_at is null"
                        + " order by finding_id, id")
                .param("ids", array(findingIds)).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    public List<FollowUpEntry> followUpOf(Collection<Long> findingIds) {
        return jdbc.sql("select finding_id, kind, text, by_name, at from finding_follow_up where finding_id = any(:ids)"
                        + " order by finding_id, id")
                .param("ids", array(findingIds))
                .query((rs, n) -> new FollowUpEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, "at")))
                .list();
    }

    /** Numbers of a plan's recorded findings whose recommendation is neither verified nor waived. */
    public List<Integer> unsettledNumbers(long planId) {
        return jdbc.sql("select number from finding where plan_id = :p and status = 'RECORDED'"
                        + " and recommendation_status not in ('VERIFIED', 'WAIVED') order by number")
                .param("p", planId).query(Integer.class).list();
    }

    // ------------------------------------------------------------------ the plan as findings need it

    /** A plan as a finding change sees it: number, status and the caller's role on its team. */
    public record PlanState(long key, String number, String status, String role) {

        public boolean lead() {
            return "LEAD".equals(role);
        }
    }

    /**
     * The plan, locked ({@code exclusive}: for update, else for share) against concurrent lifecycle
     * steps, with the caller's role on its team (null when not on it).
     */
    public Optional<PlanState> lockPlan(long planId, String username, boolean exclusive) {
        return jdbc.sql("select p.id, p.number, p.status, (select t.role from inspection_team_member t join official o on o.id = t.official_id"
                        + " where t.plan_id = p.id and o.idp_username = :viewer) as role from inspection_plan p where p.id = :id"
                        + (exclusive ? " for update" : " for share"))
                .param("id", planId).param("viewer", username)
                .query((rs, n) -> new PlanState(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).optional();
    }

    /** Whether {@code unitId} is a target of the plan or in a target's subtree. */
    public boolean underTargets(long planId, long unitId) {
        return jdbc.sql("select exists (select 1 from inspection_target t join unit tu on tu.id = t.unit_id join unit u on u.id = :unit"
                        + " where t.plan_id = :plan and u.path like tu.path || '%')")
                .param("plan", planId).param("unit", unitId).query(Boolean.class).single();
    }

    /** Of {@code dossierIds}, the existing ones, each mapped to whether it was handled in {@code unitId}'s subtree. */
    public Map<Long, Boolean> dossiersUnder(Collection<Long> dossierIds, long unitId) {
        return inSubtree("select d.id, du.path like u.path || '%' from dossier d join unit du on du.id = d.unit_id join unit u on u.id = :unit"
                + " where d.id = any(:ids)", dossierIds, unitId);
    }

    /** Of {@code officialIds}, the existing ones, each mapped to whether they work in {@code unitId}'s subtree. */
    public Map<Long, Boolean> officialsUnder(Collection<Long> officialIds, long unitId) {
        return inSubtree("select o.id, ou.path like u.path || '%' from official o join unit ou on ou.id = o.unit_id join unit u on u.id = :unit"
                + " where o.id = any(:ids)", officialIds, unitId);
    }

    private Map<Long, Boolean> inSubtree(String sql, Collection<Long> ids, long unitId) {
        Map<Long, Boolean> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql(sql).param("ids", array(ids)).param("unit", unitId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    public Set<Long> existingProcedures(Collection<Long> ids) {
        return ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("select id from procedure where id = any(:ids)")
                .param("ids", array(ids)).query(Long.class).list());
    }

    // ------------------------------------------------------------------ writing findings

    /** What a finding change stores besides its evidence and officials. */
    public record Content(long unitId, String category, String severity, String description, String recommendation,
                          LocalDate remediationDeadline) {
    }

    public long insert(long planId, Content c, String username, String displayName, Instant at) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from finding where plan_id = :p").param("p", planId)
                .query(Integer.class).single();
        return jdbc.sql("""
                        insert into finding (plan_id, number, unit_id, category, severity, description, recommendation,
                            remediation_deadline, recorded_by_username, recorded_by, recorded_at)
                        values (:plan, :number, :unit, :category, :severity, :description, :recommendation, :deadline,
                            :username, :name, :at)
                        returning id""")
                .params(content(c)).param("plan", planId).param("number", number).param("username", username)
                .param("name", displayName).param("at", time(at)).query(Long.class).single();
    }

    /** Writes the content if the stored version is still {@code expectedVersion}; false when someone else changed it. */
    public boolean update(long id, Content c, int expectedVersion) {
        return jdbc.sql("""
                        update finding set category = :category, severity = :severity, description = :description,
                            recommendation = :recommendation, remediation_deadline = :deadline, version = version + 1
                        where id = :id and version = :version""")
                .params(content(c)).param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** Moves the finding to {@code status} / {@code recommendationStatus} if still at {@code expectedVersion}. */
    public boolean setStatus(long id, String status, String withdrawalReason, String recommendationStatus, int expectedVersion) {
        return jdbc.sql("""
                        update finding set status = :status, withdrawal_reason = :reason, recommendation_status = :rec,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("status", status).param("reason", withdrawalReason).param("rec", recommendationStatus)
                .param("id", id).param("version", expectedVersion).update() == 1;
    }

    /** Marks the current evidence removed and stores {@code evidence} in its place. */
    public void replaceEvidence(long findingId, List<FindingEvidence> evidence, Instant at) {
        jdbc.sql("update finding_evidence set removed_at = :at where finding_id = :id and removed_at is null")
                .param("id", findingId).param("at", time(at)).update();
        for (FindingEvidence e : evidence) {
            jdbc.sql("""
                            insert into finding_evidence (finding_id, ordinal, kind, dossier_id, procedure_id, sample_id,
                                sample_ordinal, document_id, note)
                            values (:finding, :ordinal, :kind, :dossier, :procedure, :sample, :sampleOrdinal, :document, :note)""")
                    .param("finding", findingId).param("ordinal", e.ordinal()).param("kind", e.kind())
                    .param("dossier", e.dossierId()).param("procedure", e.procedureId()).param("sample", e.sampleId())
                    .param("sampleOrdinal", e.sampleOrdinal()).param("document", e.documentId()).param("note", e.note()).update();
        }
    }

    /** Marks the current responsible officials removed and stores {@code officialIds} in their place. */
    public void replaceOfficials(long findingId, List<Long> officialIds, Instant at) {
        jdbc.sql("update finding_official set removed_at = :at where finding_id = :id and removed_at is null")
                .param("id", findingId).param("at", time(at)).update();
        for (Long official : officialIds) {
            jdbc.sql("insert into finding_official (finding_id, official_id) values (:finding, :official)")
                    .param("finding", findingId).param("official", official).update();
        }
    }

    public void addFollowUp(long findingId, String kind, String text, String username, String displayName, Instant at) {
        jdbc.sql("insert into finding_follow_up (finding_id, kind, text, by_username, by_name, at) values (:f, :k, :t, :u, :n, :at)")
                .param("f", findingId).param("k", kind).param("t", text).param("u", username).param("n", displayName)
                .param("at", time(at)).update();
    }

    // ------------------------------------------------------------------ evidence documents

    private static final String DOCUMENT_COLUMNS = "d.id, d.file_name, d.content_type, d.size, d.sha256, d.uploaded_by,"
            + " d.uploaded_by_username, d.uploaded_at";

    /** Documents {@code caller} sees: their own uploads, and those linked to a finding they see. */
    private static String visibleDocument(Caller caller) {
        return "(d.uploaded_by_username = :viewer or exists (select 1 from finding_evidence de join finding f on f.id = de.finding_id"
                + " where de.document_id = d.id and de.removed_at is null and " + visible(caller) + "))";
    }

    public long insertDocument(String fileName, String contentType, byte[] content, String sha256, String username,
                               String displayName, Instant at) {
        return jdbc.sql("""
                        insert into evidence_document (file_name, content_type, size, sha256, content, uploaded_by_username,
                            uploaded_by, uploaded_at)
                        values (:name, :type, :size, :sha, :content, :username, :uploader, :at)
                        returning id""")
                .param("name", fileName).param("type", contentType).param("size", content.length).param("sha", sha256)
                .param("content", content).param("username", username).param("uploader", displayName).param("at", time(at))
                .query(Long.class).single();
    }

    public Map<Long, EvidenceDocument> documentsByIds(Collection<Long> ids, Caller caller) {
        Map<Long, EvidenceDocument> result = new HashMap<>();
        jdbc.sql("select " + DOCUMENT_COLUMNS + " from evidence_document d where d.id = any(:ids) and " + visibleDocument(caller))
                .params(bind(caller)).param("ids", array(ids)).query(FindingRepository::document).list()
                .forEach(d -> result.put(d.key(), d));
        return result;
    }

    /** A document's content, if {@code caller} sees the document. */
    public Optional<byte[]> documentContent(long id, Caller caller) {
        return jdbc.sql("select d.content from evidence_document d where d.id = :id and " + visibleDocument(caller))
                .params(bind(caller)).param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    // ------------------------------------------------------------------ conclusions

    /** A conclusion as stored; the figures are JSON. */
    public record StoredConclusion(long planId, String summary, Instant issuedAt, String issuedBy, String statistics, String totals) {
    }

    public void insertConclusion(long planId, String summary, String username, String displayName, Instant at, String statistics,
                                 String totals) {
        jdbc.sql("""
                        insert into inspection_conclusion (plan_id, summary, issued_by_username, issued_by, issued_at, statistics, totals)
                        values (:plan, :summary, :username, :name, :at, cast(:statistics as jsonb), cast(:totals as jsonb))""")
                .param("plan", planId).param("summary", summary).param("username", username).param("name", displayName)
                .param("at", time(at)).param("statistics", statistics).param("totals", totals).update();
    }

    public List<StoredConclusion> conclusionsOf(Collection<Long> planIds) {
        return jdbc.sql("select plan_id, summary, issued_at, issued_by, statistics::text, totals::text from inspection_conclusion"
                        + " where plan_id = any(:ids)")
                .param("ids", array(planIds))
                .query((rs, n) -> new StoredConclusion(rs.getLong(1), rs.getString(2), instant(rs, "issued_at"), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    // ------------------------------------------------------------------ mapping

    private static Map<String, Object> content(Content c) {
        Map<String, Object> params = new HashMap<>();
        params.put("unit", c.unitId());
        params.put("category", c.category());
        params.put("severity", c.severity());
        params.put("description", c.description());
        params.put("recommendation", c.recommendation());
        params.put("deadline", c.remediationDeadline());
        return params;
    }

    private static Finding finding(ResultSet rs, int n) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("number"), rs.getString("category"),
                rs.getString("severity"), rs.getString("description"), rs.getLong("unit_id"), rs.getString("status"),
                rs.getString("withdrawal_reason"), rs.getString("recommendation"), rs.getObject("remediation_deadline", LocalDate.class),
                rs.getString("recommendation_status"), rs.getString("recorded_by"), instant(rs, "recorded_at"), rs.getInt("version"));
    }

    private static EvidenceDocument document(ResultSet rs, int n) throws SQLException {
        return new EvidenceDocument(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"),
                rs.getString("sha256"), rs.getString("uploaded_by"), rs.getString("uploaded_by_username"), instant(rs, "uploaded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Long[] array(Collection<Long> ids) {
        return ids.stream().distinct().toArray(Long[]::new);
    }
}
