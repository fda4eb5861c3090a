package app.lantern.inspection.internal;

import app.lantern.inspection.ChecklistItem;
import app.lantern.inspection.InspectionPlan;
import app.lantern.inspection.PlanFilter;
import app.lantern.inspection.PlanMember;
import app.lantern.inspection.PlanStatistics;
import app.lantern.inspection.PlanStatus;
import app.lantern.shared.graphql.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans in SQL, every read scoped to what the {@link Viewer} may see. */
@Repository
public class PlanRepository {

    private static final String COLUMNS = "p.id, p.number, p.title, p.issuing_authority, p.issue_date, p.period_from, p.period_to,"
            + " p.self_report_due, p.fieldwork_from, p.fieldwork_to, p.conclusion_due, p.status, p.version";

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who reads: the login name (team membership) and the unit a unit head runs (null otherwise).
     * Administrators are not special here: they see the plans of their teams like anyone else.
     */
    public record Viewer(String username, String headUnitCode) {
    }

    /** The plans {@code viewer} sees: the team its plan; a target unit's head once the plan is approved (their part only). */
    private static String visible(Viewer viewer) {
        String team = "exists (select 1 from inspection_team_member vt join official vo on vo.id = vt.official_id"
                + " where vt.plan_id = p.id and vo.idp_username = :viewer)";
        if (viewer.headUnitCode() == null) {
            return team;
        }
        return "(" + team + " or (p.status <> 'DRAFT' and exists (select 1 from inspection_target vg"
                + " join unit vu on vu.id = vg.unit_id where vg.plan_id = p.id and vu.code = :viewerUnit)))";
    }

    private static Map<String, Object> bind(Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer.username());
        params.put("viewerUnit", viewer.headUnitCode());
        return params;
    }

    public Optional<InspectionPlan> byId(long id, Viewer viewer) {
        return jdbc.sql("select " + COLUMNS + " from inspection_plan p where p.id = :id and " + visible(viewer))
                .params(bind(viewer)).param("id", id).query(PlanRepository::plan).optional();
    }

    /** The plans of {@code ids} the viewer sees. */
    public List<InspectionPlan> byIds(Collection<Long> ids, Viewer viewer) {
        return jdbc.sql("select " + COLUMNS + " from inspection_plan p where p.id in (:ids) and " + visible(viewer))
                .params(bind(viewer)).param("ids", nonEmpty(ids)).query(PlanRepository::plan).list();
    }

    /**
     * Plans by id without a visibility check, for callers already shown a part of them (one of its
     * findings, e.g. to the head of a unit below a target).
     */
    public Map<Long, InspectionPlan> headersByIds(Collection<Long> ids) {
        Map<Long, InspectionPlan> result = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from inspection_plan p where p.id in (:ids)").param("ids", nonEmpty(ids))
                .query(PlanRepository::plan).list().forEach(p -> result.put(p.key(), p));
        return result;
    }

    /** The plan, row-locked for a change, if the viewer sees it. */
    public Optional<InspectionPlan> lockById(long id, Viewer viewer) {
        return jdbc.sql("select " + COLUMNS + " from inspection_plan p where p.id = :id and " + visible(viewer) + " for update")
                .params(bind(viewer)).param("id", id).query(PlanRepository::plan).optional();
    }

    public Optional<InspectionPlan> byNumber(String number, Viewer viewer) {
        return jdbc.sql("select " + COLUMNS + " from inspection_plan p where p.number = :number and " + visible(viewer))
                .params(bind(viewer)).param("number", number).query(PlanRepository::plan).optional();
    }

    public boolean numberTaken(String number) {
        return jdbc.sql("select count(*) from inspection_plan where number = :number").param("number", number)
                .query(Long.class).single() > 0;
    }

    /** The sort expression of an order field; never null, so that keyset comparisons hold. */
    private static String sortKey(String field) {
        return switch (field) {
            case "ISSUE_DATE" -> "coalesce(p.issue_date, date '0001-01-01')";
            case "NUMBER" -> "p.number";
            default -> "p.id";
        };
    }

    /** A plan's cursor under {@code order}: its sort value and id. */
    public static String cursorOf(InspectionPlan p, PlanFilter.Order order) {
        String value = switch (order.field()) {
            case "ISSUE_DATE" -> (p.issueDate() == null ? LocalDate.of(1, 1, 1) : p.issueDate()).toString();
            case "NUMBER" -> p.number();
            default -> Long.toString(p.key());
        };
        return p.key() + "|" + value;
    }

    /** A keyset page under {@code order}, ties broken by id in the same direction. */
    public List<InspectionPlan> page(PlanFilter filter, PlanFilter.Order order, PageRequest page, Viewer viewer) {
        Map<String, Object> params = bind(viewer);
        String where = where(filter, viewer, params);
        String key = sortKey(order.field());
        // reading backwards flips the direction; the page is put back in order by Connection.of
        boolean descending = order.descending() != page.backward();
        if (page.cursor() != null) {
            int bar = page.cursor().indexOf('|');
            long id = cursorKey(bar < 0 ? page.cursor() : page.cursor().substring(0, bar));
            String value = bar < 0 ? "" : page.cursor().substring(bar + 1);
            params.put("cursorId", id);
            Object cursorValue;
            try {
                cursorValue = switch (order.field()) {
                    case "ISSUE_DATE" -> LocalDate.parse(value);
                    case "NUMBER" -> value;
                    default -> Long.parseLong(value);
                };
            } catch (RuntimeException e) {
                throw new app.lantern.shared.graphql.InvalidInputException("after", "This cursor belongs to another sort order");
            }
            params.put("cursorValue", cursorValue);
            where += " and (" + key + ", p.id) " + (descending ? "<" : ">") + " (:cursorValue, :cursorId)";
        }
        params.put("limit", page.limit());
        String direction = descending ? " desc" : " asc";
        return jdbc.sql("select " + COLUMNS + " from inspection_plan p where " + where
                        + " order by " + key + direction + ", p.id" + direction + " limit :limit")
                .params(params).query(PlanRepository::plan).list();
    }

    public long count(PlanFilter filter, Viewer viewer) {
        Map<String, Object> params = bind(viewer);
        return jdbc.sql("select count(*) from inspection_plan p where " + where(filter, viewer, params))
                .params(params).query(Long.class).single();
    }

    private static String where(PlanFilter filter, Viewer viewer, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(visible(viewer));
        if (filter != null && filter.status() != null && !filter.status().isEmpty()) {
            where.append(" and p.status in (:statuses)");
            params.put("statuses", filter.status().stream().map(Enum::name).toList());
        }
        if (filter != null && filter.text() != null && !filter.text().isBlank()) {
            where.append(" and lantern_fold(p.number || ' ' || p.title) like '%' || lantern_fold(:text) || '%'");
            params.put("text", filter.text().strip());
        }
        return where.toString();
    }

    private static long cursorKey(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new app.lantern.shared.graphql.InvalidInputException("after", "'" + cursor + "' is not a cursor of this list");
        }
    }

    public Map<Long, List<ChecklistItem>> checklists(Collection<Long> planIds) {
        return group(jdbc.sql("select plan_id, ordinal, text from inspection_checklist_item where plan_id in (:ids) order by plan_id, ordinal")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> new ChecklistItem(rs.getLong(1), rs.getInt(2), rs.getString(3))).list(), ChecklistItem::planId);
    }

    public Map<Long, List<Long>> targets(Collection<Long> planIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        jdbc.sql("select t.plan_id, t.unit_id from inspection_target t join unit u on u.id = t.unit_id"
                        + " where t.plan_id in (:ids) order by t.plan_id, u.path")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return result;
    }

    /** Team members, lead first. */
    public Map<Long, List<PlanMember>> teams(Collection<Long> planIds) {
        return group(jdbc.sql("select plan_id, official_id, role from inspection_team_member where plan_id in (:ids)"
                        + " order by plan_id, role, official_id")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> new PlanMember(rs.getLong(1), rs.getLong(2), rs.getString(3))).list(), PlanMember::planId);
    }

    /**
     * The live figures of plans with a period, per target unit (its subtree) and for the whole plan
     * (grouping set without the unit: each dossier once even when targets overlap), in one
     * statement over {@link PlanPopulation}. Targets without dossiers have no row.
     */
    public List<PlanStatistics> statistics(Collection<Long> planIds) {
        return jdbc.sql(PlanPopulation.CTE + "select plan_id, target_id, grouping(target_id) as whole, " + PlanPopulation.FIGURES
                        + " from pop group by grouping sets ((plan_id, target_id), (plan_id))")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> PlanPopulation.statistics(rs, null, null))
                .list();
    }

    /** Ids of plans with both ends of their period set. */
    public Set<Long> withPeriod(Collection<Long> planIds) {
        return new java.util.HashSet<>(jdbc.sql("select id from inspection_plan where id in (:ids) and period_from is not null"
                + " and period_to is not null").param("ids", nonEmpty(planIds)).query(Long.class).list());
    }

    /**
     * Of {@code planIds}, the plans whose every part {@code viewer} sees: team members their plans.
     * Anyone else (a target unit's head) sees only their own unit's part.
     */
    public Set<Long> seenWhole(Collection<Long> planIds, Viewer viewer) {
        return new java.util.HashSet<>(jdbc.sql("select distinct tm.plan_id from inspection_team_member tm"
                        + " join official o on o.id = tm.official_id where tm.plan_id in (:ids) and o.idp_username = :viewer")
                .param("ids", nonEmpty(planIds)).param("viewer", viewer.username()).query(Long.class).list());
    }

    /** Of the target units of {@code planIds}, those in the subtree of the unit {@code viewer} heads. */
    public Set<Long> ownTargets(Collection<Long> planIds, Viewer viewer) {
        if (viewer.headUnitCode() == null) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select distinct t.unit_id from inspection_target t join unit u on u.id = t.unit_id"
                        + " where t.plan_id in (:ids) and u.path like (select h.path from unit h where h.code = :unit) || '%'")
                .param("ids", nonEmpty(planIds)).param("unit", viewer.headUnitCode()).query(Long.class).list());
    }

    public long insert(InspectionPlan p, String createdBy) {
        return jdbc.sql("""
                        insert into inspection_plan (number, title, issuing_authority, issue_date, period_from, period_to,
                            self_report_due, fieldwork_from, fieldwork_to, conclusion_due, status, created_by)
                        values (:number, :title, :authority, :issueDate, :periodFrom, :periodTo, :selfReportDue, :fieldworkFrom,
                            :fieldworkTo, :conclusionDue, 'DRAFT', :createdBy)
                        returning id""")
                .params(header(p)).param("number", p.number()).param("createdBy", createdBy)
                .query(Long.class).single();
    }

    /** Writes the header if the stored version is still {@code expectedVersion}; false when someone else changed it. */
    public boolean update(InspectionPlan p, int expectedVersion) {
        return jdbc.sql("""
                        update inspection_plan set title = :title, issuing_authority = :authority, issue_date = :issueDate,
                            period_from = :periodFrom, period_to = :periodTo, self_report_due = :selfReportDue,
                            fieldwork_from = :fieldworkFrom, fieldwork_to = :fieldworkTo, conclusion_due = :conclusionDue,
                            status = :status, version = version + 1
                        where id = :id and version = :version""")
                .params(header(p)).param("status", p.status().name()).param("id", p.key()).param("version", expectedVersion)
                .update() == 1;
    }

    public void replaceChecklist(long planId, List<String> items) {
        jdbc.sql("delete from inspection_checklist_item where plan_id = :id").param("id", planId).update();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("insert into inspection_checklist_item (plan_id, ordinal, text) values (:id, :ordinal, :text)")
                    .param("id", planId).param("ordinal", i + 1).param("text", items.get(i)).update();
        }
    }

    public void replaceTargets(long planId, Collection<Long> unitIds) {
        jdbc.sql("delete from inspection_target where plan_id = :id").param("id", planId).update();
        for (Long unitId : unitIds) {
            jdbc.sql("insert into inspection_target (plan_id, unit_id) values (:id, :unit)").param("id", planId).param("unit", unitId).update();
        }
    }

    public void replaceTeam(long planId, Map<Long, String> roles) {
        jdbc.sql("delete from inspection_team_member where plan_id = :id").param("id", planId).update();
        roles.forEach((official, role) -> jdbc.sql("insert into inspection_team_member (plan_id, official_id, role) values (:id, :official, :role)")
                .param("id", planId).param("official", official).param("role", role).update());
    }

    private static Map<String, Object> header(InspectionPlan p) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", p.title());
        params.put("authority", p.issuingAuthority());
        params.put("issueDate", p.issueDate());
        params.put("periodFrom", p.periodFrom());
        params.put("periodTo", p.periodTo());
        params.put("selfReportDue", p.selfReportDue());
        params.put("fieldworkFrom", p.fieldworkFrom());
        params.put("fieldworkTo", p.fieldworkTo());
        params.put("conclusionDue", p.conclusionDue());
        return params;
    }

    private static InspectionPlan plan(ResultSet rs, int n) throws SQLException {
        return new InspectionPlan(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getString("issuing_authority"),
                date(rs, "issue_date"), date(rs, "period_from"), date(rs, "period_to"), date(rs, "self_report_due"),
                date(rs, "fieldwork_from"), date(rs, "fieldwork_to"), date(rs, "conclusion_due"),
                PlanStatus.valueOf(rs.getString("status")), rs.getInt("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private static <T> Map<Long, List<T>> group(List<T> rows, java.util.function.Function<T, Long> key) {
        Map<Long, List<T>> result = new HashMap<>();
        rows.forEach(r -> result.computeIfAbsent(key.apply(r), k -> new java.util.ArrayList<>()).add(r));
        return result;
    }
}
