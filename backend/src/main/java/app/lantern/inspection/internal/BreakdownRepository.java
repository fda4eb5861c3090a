package app.lantern.inspection.internal;

import app.lantern.inspection.PlanStatistics;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plans' figures broken down by procedure field or by procedure, and their causes of lateness and
 * refusal, each in one statement over {@link PlanPopulation} for any number of plans: per target
 * unit and for the whole plan (each dossier once).
 */
@Repository
public class BreakdownRepository {

    private final JdbcClient jdbc;

    BreakdownRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One cause count of a plan, for a target unit or (null) the whole plan. */
    public record Cause(long planId, Long unitId, boolean refused, String category, int count) {
    }

    public List<PlanStatistics> byField(Collection<Long> planIds) {
        return jdbc.sql(PlanPopulation.CTE + "select plan_id, target_id, grouping(target_id) as whole, field, " + PlanPopulation.FIGURES
                        + " from pop group by grouping sets ((plan_id, target_id, field), (plan_id, field))")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> PlanPopulation.statistics(rs, rs.getString("field"), null)).list();
    }

    public List<PlanStatistics> byProcedure(Collection<Long> planIds) {
        return jdbc.sql(PlanPopulation.CTE + "select plan_id, target_id, grouping(target_id) as whole, procedure_id, "
                        + PlanPopulation.FIGURES
                        + " from pop group by grouping sets ((plan_id, target_id, procedure_id), (plan_id, procedure_id))")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> PlanPopulation.statistics(rs, null, rs.getLong("procedure_id"))).list();
    }

    public List<Cause> causes(Collection<Long> planIds) {
        return jdbc.sql(PlanPopulation.CTE + """
                        select plan_id, target_id, grouping(target_id) as whole, outcome = 'REJECTED' as refused, cause,
                               count(distinct id) as n
                        from pop where cause is not null
                        group by grouping sets ((plan_id, target_id, outcome = 'REJECTED', cause), (plan_id, outcome = 'REJECTED', cause))""")
                .param("ids", nonEmpty(planIds))
                .query((rs, n) -> new Cause(rs.getLong("plan_id"), rs.getInt("whole") == 1 ? null : rs.getLong("target_id"),
                        rs.getBoolean("refused"), rs.getString("cause"), rs.getInt("n"))).list();
    }

    private static Collection<Long> nonEmpty(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
