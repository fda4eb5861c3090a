package app.lantern.inspection.sampling;

import app.lantern.inspection.internal.PlanPopulation;
import java.sql.Array;
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

/** Samples and their items in SQL; callers have checked that the plan is theirs to see. */
@Repository
class SampleRepository {

    private static final String COLUMNS = "s.id, s.plan_id, s.name, s.unit_id, s.outcomes, s.field, s.procedure_id, s.population_size,"
            + " s.stratified, s.seed, s.size, s.drawn_by, s.drawn_at,"
            + " (select count(*) from dossier_sample_item i where i.sample_id = s.id and i.result is not null) as examined";

    private final JdbcClient jdbc;

    SampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What narrows a plan's population: each null or empty narrows nothing. */
    record Narrowing(Long unitId, List<String> outcomes, String field, Long procedureId) {
    }

    /**
     * The plan's dossiers counted in its statistics (each once, ordered by id) that the narrowing
     * keeps, with their procedure's field.
     */
    List<Sampler.Candidate> population(long planId, Narrowing n) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", List.of(planId));
        StringBuilder where = new StringBuilder("true");
        if (n.unitId() != null) {
            where.append(" and target_id = :unit");
            params.put("unit", n.unitId());
        }
        if (n.outcomes() != null && !n.outcomes().isEmpty()) {
            where.append(" and outcome in (:outcomes)");
            params.put("outcomes", n.outcomes());
        }
        if (n.field() != null) {
            where.append(" and field = :field");
            params.put("field", n.field());
        }
        if (n.procedureId() != null) {
            where.append(" and procedure_id = :procedure");
            params.put("procedure", n.procedureId());
        }
        return jdbc.sql(PlanPopulation.CTE + "select distinct id, field from pop where " + where + " order by id")
                .params(params).query((rs, i) -> new Sampler.Candidate(rs.getLong("id"), rs.getString("field"))).list();
    }

    long insert(long planId, String name, Narrowing n, int populationSize, boolean stratified, String seed, int size,
                String drawnBy, String drawnByLogin, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("plan", planId);
        params.put("name", name);
        params.put("unit", n.unitId());
        params.put("outcomes", n.outcomes() == null ? new String[0] : n.outcomes().toArray(String[]::new));
        params.put("field", n.field());
        params.put("procedure", n.procedureId());
        params.put("populationSize", populationSize);
        params.put("stratified", stratified);
        params.put("seed", seed);
        params.put("size", size);
        params.put("drawnBy", drawnBy);
        params.put("login", drawnByLogin);
        params.put("at", at.atOffset(ZoneOffset.UTC));
        return jdbc.sql("""
                        insert into dossier_sample (plan_id, name, unit_id, outcomes, field, procedure_id, population_size, stratified,
                            seed, size, drawn_by, drawn_by_login, drawn_at)
                        values (:plan, :name, :unit, :outcomes, :field, :procedure, :populationSize, :stratified, :seed, :size,
                            :drawnBy, :login, :at)
                        returning id""")
                .params(params).query(Long.class).single();
    }

    void insertItems(long sampleId, List<Sampler.Drawn> drawn) {
        jdbc.sql("""
                        insert into dossier_sample_item (sample_id, ordinal, dossier_id, stratum)
                        select :s, x.ordinal, x.dossier_id, x.stratum
                        from unnest(cast(:dossiers as bigint[]), cast(:strata as text[])) with ordinality as x(dossier_id, stratum, ordinal)""")
                .param("s", sampleId)
                .param("dossiers", drawn.stream().map(Sampler.Drawn::dossierId).toArray(Long[]::new))
                .param("strata", drawn.stream().map(Sampler.Drawn::stratum).toArray(String[]::new))
                .update();
    }

    Optional<DossierSample> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from dossier_sample s where s.id = :id").param("id", id)
                .query(SampleRepository::sample).optional();
    }

    /** The sample, row-locked for recording an examination. */
    Optional<DossierSample> lockById(long id) {
        jdbc.sql("select id from dossier_sample where id = :id for update").param("id", id).query(Long.class).optional();
        return byId(id);
    }

    /** Samples of plans, newest first. */
    List<DossierSample> ofPlans(Collection<Long> planIds) {
        return jdbc.sql("select " + COLUMNS + " from dossier_sample s where s.plan_id in (:ids) order by s.drawn_at desc, s.id desc")
                .param("ids", planIds.isEmpty() ? List.of(-1L) : planIds).query(SampleRepository::sample).list();
    }

    /** Samples by id, whichever plan they were drawn for. */
    List<DossierSample> byIds(Collection<Long> ids) {
        return jdbc.sql("select " + COLUMNS + " from dossier_sample s where s.id in (:ids)")
                .param("ids", ids.isEmpty() ? List.of(-1L) : ids).query(SampleRepository::sample).list();
    }

    /** Of {@code sampleIds}, those drawn for plan {@code planId}. */
    List<Long> ofPlan(long planId, Collection<Long> sampleIds) {
        return jdbc.sql("select id from dossier_sample where plan_id = :plan and id in (:ids)").param("plan", planId)
                .param("ids", sampleIds.isEmpty() ? List.of(-1L) : sampleIds).query(Long.class).list();
    }

    /** Items of samples in draw order. */
    List<DossierSample.Item> items(Collection<Long> sampleIds) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from dossier_sample_item where sample_id in (:ids) order by sample_id, ordinal")
                .param("ids", sampleIds.isEmpty() ? List.of(-1L) : sampleIds).query(SampleRepository::item).list();
    }

    /** The items named, those that exist. */
    List<DossierSample.Item> itemsByRef(List<DossierSample.ItemRef> refs) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from dossier_sample_item"
                        + " where (sample_id, ordinal) in (select * from unnest(cast(:samples as bigint[]), cast(:ordinals as integer[])))")
                .param("samples", refs.stream().map(DossierSample.ItemRef::sampleId).toArray(Long[]::new))
                .param("ordinals", refs.stream().map(DossierSample.ItemRef::ordinal).toArray(Integer[]::new))
                .query(SampleRepository::item).list();
    }

    private static final String ITEM_COLUMNS = "sample_id, ordinal, stratum, dossier_id, result, note, examined_by, examined_at";

    private static DossierSample.Item item(ResultSet rs, int n) throws SQLException {
        return new DossierSample.Item(rs.getLong("sample_id"), rs.getInt("ordinal"), rs.getString("stratum"), rs.getLong("dossier_id"),
                rs.getString("result"), rs.getString("note"), rs.getString("examined_by"), instant(rs, "examined_at"));
    }

    boolean examine(long sampleId, int ordinal, String result, String note, String examinedBy, Instant at) {
        return jdbc.sql("""
                        update dossier_sample_item set result = :result, note = :note, examined_by = :by, examined_at = :at
                        where sample_id = :s and ordinal = :o""")
                .param("result", result).param("note", note).param("by", examinedBy).param("at", at.atOffset(ZoneOffset.UTC))
                .param("s", sampleId).param("o", ordinal).update() == 1;
    }

    private static DossierSample sample(ResultSet rs, int n) throws SQLException {
        Array outcomes = rs.getArray("outcomes");
        List<String> list = outcomes == null ? List.of() : List.of((String[]) outcomes.getArray());
        return new DossierSample(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("name"), rs.getObject("unit_id", Long.class),
                list, rs.getString("field"), rs.getObject("procedure_id", Long.class), rs.getInt("population_size"),
                rs.getBoolean("stratified"), rs.getString("seed"), rs.getInt("size"), rs.getString("drawn_by"),
                instant(rs, "drawn_at"), rs.getInt("examined"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
