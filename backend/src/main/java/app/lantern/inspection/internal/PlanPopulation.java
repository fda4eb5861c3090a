package app.lantern.inspection.internal;

import app.lantern.inspection.PlanStatistics;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one definition of which dossiers a plan's figures count and how each ended the period, shared
 * by the statistics, their breakdowns, the causes, the export and the sampling population.
 *
 * <p>{@link #CTE} defines {@code pop}: one row per plan, target unit (its subtree) and dossier
 * received in the period or carried over into it (received before, still open at its start). The
 * period runs from the first day's midnight to the day after the last, Vietnam time. Each row
 * carries the dossier's {@code outcome} as of the end of the period: {@code RESOLVED_ON_TIME},
 * {@code RESOLVED_LATE}, {@code REJECTED}, {@code WITHDRAWN}, {@code OPEN_WITHIN_TIME} (due after
 * the last day) or {@code OPEN_OVERDUE}, and its {@code cause}: the reason category of a late
 * dossier (its apology's, if issued by the end of the period, else {@code OTHER}) or of a refusal.
 * The statement binds {@code :ids}, the plan ids.
 */
public final class PlanPopulation {

    private PlanPopulation() {
    }

    public static final String CTE = """
            with period as (
                select p.id as plan_id, p.period_to,
                       cast(p.period_from as timestamp) at time zone 'Asia/Ho_Chi_Minh' as p0,
                       cast(p.period_to + 1 as timestamp) at time zone 'Asia/Ho_Chi_Minh' as p1
                from inspection_plan p
                where p.id in (:ids) and p.period_from is not null and p.period_to is not null
            ), classified as (
                select pr.plan_id, t.unit_id as target_id, pr.p0, pr.p1, d.id, d.channel, d.received_at, d.procedure_id,
                       pc.field, d.apology_issued_at, d.apology_category, d.reject_category,
                       case when d.closed_at < pr.p1 and d.status in ('RESOLVED', 'RETURNED') and not d.late then 'RESOLVED_ON_TIME'
                            when d.closed_at < pr.p1 and d.status in ('RESOLVED', 'RETURNED') then 'RESOLVED_LATE'
                            when d.closed_at < pr.p1 and d.status = 'REJECTED' then 'REJECTED'
                            when d.closed_at < pr.p1 and d.status = 'WITHDRAWN' then 'WITHDRAWN'
                            when d.due_date > pr.period_to then 'OPEN_WITHIN_TIME'
                            else 'OPEN_OVERDUE' end as outcome
                from period pr
                join inspection_target t on t.plan_id = pr.plan_id
                join unit tu on tu.id = t.unit_id
                join unit du on du.path like tu.path || '%'
                join dossier d on d.unit_id = du.id
                join procedure pc on pc.id = d.procedure_id
                -- received in the period, or before it and still open at its start
                where d.received_at < pr.p1 and (d.closed_at is null or d.closed_at >= pr.p0)
            ), pop as (
                select c.*,
                       case when outcome = 'REJECTED' then reject_category
                            when outcome in ('RESOLVED_LATE', 'OPEN_OVERDUE') then
                                case when apology_issued_at < p1 then coalesce(apology_category, 'OTHER') else 'OTHER' end
                       end as cause
                from classified c
            )
            """;

    /** The figures of {@code InspectionStatistics} over the {@code pop} rows of a group (each dossier once). */
    public static final String FIGURES = """
            count(distinct id) filter (where received_at >= p0 and channel = 'DIRECT') as received_direct,
            count(distinct id) filter (where received_at >= p0 and channel = 'ONLINE') as received_online,
            count(distinct id) filter (where received_at >= p0 and channel = 'POSTAL') as received_postal,
            count(distinct id) filter (where received_at < p0) as carried_over,
            count(distinct id) filter (where outcome = 'RESOLVED_ON_TIME') as on_time,
            count(distinct id) filter (where outcome = 'RESOLVED_LATE') as late,
            count(distinct id) filter (where outcome = 'RESOLVED_LATE' and (apology_issued_at is null or apology_issued_at >= p1))
                as late_no_apology,
            count(distinct id) filter (where outcome = 'REJECTED') as rejected,
            count(distinct id) filter (where outcome = 'WITHDRAWN') as withdrawn,
            count(distinct id) filter (where outcome = 'OPEN_WITHIN_TIME') as open_in_time,
            count(distinct id) filter (where outcome = 'OPEN_OVERDUE') as open_overdue
            """;

    /** A row selecting {@code plan_id}, {@code target_id}, {@code whole} (1 for the whole plan) and {@link #FIGURES}. */
    public static PlanStatistics statistics(ResultSet rs, String field, Long procedureId) throws SQLException {
        return new PlanStatistics(rs.getLong("plan_id"), rs.getInt("whole") == 1 ? null : rs.getLong("target_id"),
                rs.getInt("received_direct"), rs.getInt("received_online"), rs.getInt("received_postal"),
                rs.getInt("carried_over"), rs.getInt("on_time"), rs.getInt("late"), rs.getInt("late_no_apology"),
                rs.getInt("rejected"), rs.getInt("withdrawn"), rs.getInt("open_in_time"), rs.getInt("open_overdue"),
                field, procedureId);
    }
}
