package app.lantern.inspection.finding.internal;

import app.lantern.inspection.finding.ConclusionDraft;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conclusion drafts in SQL: one row per plan, written with a version check. */
@Repository
public class ConclusionDraftRepository {

    private static final String COLUMNS = "d.plan_id, d.summary, d.updated_at, d.updated_by, d.version";

    private final JdbcClient jdbc;

    ConclusionDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The drafts of those plans whose team {@code username} is on. */
    public List<ConclusionDraft> ofTeamPlans(Collection<Long> planIds, String username) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from inspection_conclusion_draft d where d.plan_id = any(:ids)"
                        + " and exists (select 1 from inspection_team_member t join official o on o.id = t.official_id"
                        + " where t.plan_id = d.plan_id and o.idp_username = :viewer)")
                .param("ids", planIds.toArray(Long[]::new)).param("viewer", username)
                .query((rs, n) -> new ConclusionDraft(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getInt(5))).list();
    }

    /** The draft of a plan, whoever asks: callers have checked the plan is theirs. */
    public Optional<ConclusionDraft> ofPlan(long planId) {
        return jdbc.sql("select " + COLUMNS + " from inspection_conclusion_draft d where d.plan_id = :p")
                .param("p", planId)
                .query((rs, n) -> new ConclusionDraft(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getInt(5))).optional();
    }

    /**
     * Writes the draft if its stored version is {@code version} (0: none stored yet) and answers
     * the new version, or empty when someone else saved in between.
     */
    public Optional<Integer> save(long planId, String summary, String username, String displayName, Instant at, int version) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        if (version == 0) {
            return jdbc.sql("""
                            insert into inspection_conclusion_draft (plan_id, summary, updated_by_username, updated_by, updated_at, version)
                            values (:p, :s, :u, :n, :at, 1) on conflict (plan_id) do nothing returning version""")
                    .param("p", planId).param("s", summary).param("u", username).param("n", displayName).param("at", when)
                    .query(Integer.class).optional();
        }
        return jdbc.sql("""
                        update inspection_conclusion_draft set summary = :s, updated_by_username = :u, updated_by = :n, updated_at = :at,
                            version = version + 1
                        where plan_id = :p and version = :v returning version""")
                .param("p", planId).param("s", summary).param("u", username).param("n", displayName).param("at", when).param("v", version)
                .query(Integer.class).optional();
    }
}
