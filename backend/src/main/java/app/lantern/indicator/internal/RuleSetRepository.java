package app.lantern.indicator.internal;

import app.lantern.indicator.IndicatorCode;
import app.lantern.indicator.IndicatorGroup;
import app.lantern.indicator.RuleSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Rule sets as stored: the groups and weights as JSON, the band thresholds as columns. */
@Repository
public class RuleSetRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RuleSetRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** All rule sets, newest effective date first. */
    public List<RuleSet> all() {
        return jdbc.sql("select id, name, effective_from, definition::text as definition, excellent_from, good_from, average_from,"
                        + " created_at, created_by from indicator_rule_set order by effective_from desc")
                .query(this::map).list();
    }

    public boolean existsOn(LocalDate effectiveFrom) {
        return jdbc.sql("select count(*) from indicator_rule_set where effective_from = :day").param("day", effectiveFrom)
                .query(Long.class).single() > 0;
    }

    public long insert(RuleSet rules, String createdBy) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (RuleSet.GroupRule g : rules.groups()) {
            List<Map<String, Object>> indicators = new ArrayList<>();
            for (RuleSet.Rule r : g.indicators()) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("code", r.code().name());
                rule.put("weight", r.weight());
                rule.put("cap", r.cap());
                rule.put("fullAt", r.fullAt());
                indicators.add(rule);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("group", g.group().name());
            group.put("maxPoints", g.maxPoints());
            group.put("indicators", indicators);
            groups.add(group);
        }
        return jdbc.sql("""
                        insert into indicator_rule_set (name, effective_from, definition, excellent_from, good_from, average_from, created_by)
                        values (:name, :from, cast(:definition as jsonb), :excellent, :good, :average, :by) returning id""")
                .param("name", rules.name()).param("from", rules.effectiveFrom()).param("definition", json.writeValueAsString(groups))
                .param("excellent", rules.excellentFrom()).param("good", rules.goodFrom()).param("average", rules.averageFrom())
                .param("by", createdBy).query(Long.class).single();
    }

    private RuleSet map(ResultSet rs, int n) throws SQLException {
        List<RuleSet.GroupRule> groups = new ArrayList<>();
        for (JsonNode g : json.readTree(rs.getString("definition"))) {
            List<RuleSet.Rule> rules = new ArrayList<>();
            for (JsonNode r : g.get("indicators")) {
                rules.add(new RuleSet.Rule(IndicatorCode.valueOf(r.get("code").asString()), r.get("weight").asDouble(),
                        r.get("cap").asDouble(), r.get("fullAt").asDouble()));
            }
            groups.add(new RuleSet.GroupRule(IndicatorGroup.valueOf(g.get("group").asString()), g.get("maxPoints").asDouble(),
                    List.copyOf(rules)));
        }
        return new RuleSet(rs.getLong("id"), rs.getString("name"), rs.getObject("effective_from", LocalDate.class), List.copyOf(groups),
                rs.getDouble("excellent_from"), rs.getDouble("good_from"), rs.getDouble("average_from"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
    }
}
