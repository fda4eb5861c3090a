package app.lantern.catalogue.internal;

import app.lantern.catalogue.CatalogueFilters.Order;
import app.lantern.catalogue.CatalogueFilters.ProcedureFilter;
import app.lantern.catalogue.CatalogueFilters.UnitFilter;
import app.lantern.catalogue.Official;
import app.lantern.catalogue.Procedure;
import app.lantern.catalogue.ProcedureStep;
import app.lantern.catalogue.Unit;
import app.lantern.catalogue.UnitSuccession;
import app.lantern.shared.graphql.Keyset;
import app.lantern.shared.graphql.PageRequest;
import app.lantern.shared.security.Scope;
import app.lantern.shared.security.ScopeSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for units, officials, procedures and steps, every read scoped to the caller. */
@Repository
public class CatalogueRepository {

    static final String UNIT_COLUMNS = "u.id, u.code, u.name, u.level, u.parent_id, u.path, u.address, u.phone, u.email,"
            + " u.one_stop_shop, u.valid_from, u.valid_to, u.version";
    static final String PROCEDURE_COLUMNS = "p.id, p.unit_id, p.national_code, p.name, p.field, p.authority_level,"
            + " p.statutory_working_days, p.fee, p.online_level, p.published, p.review_state, p.version";

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ units

    public static Unit unit(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
                (Long) rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getString("address"),
                rs.getString("phone"), rs.getString("email"), rs.getBoolean("one_stop_shop"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getInt("version"));
    }

    public List<Unit> unitsByIds(Collection<Long> ids, Scope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", ids.toArray(Long[]::new)));
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit u where u.id = any(:ids) and " + ScopeSql.visibleUnit(scope, "u"))
                .paramSource(params).query(CatalogueRepository::unit).list();
    }

    public List<Unit> unitsByCode(String code, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("code", code));
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit u where u.code = :code and " + ScopeSql.visibleUnit(scope, "u"))
                .paramSource(params).query(CatalogueRepository::unit).list();
    }

    public List<Unit> childrenOf(Collection<Long> parentIds, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", parentIds.toArray(Long[]::new)));
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit u where u.parent_id = any(:ids) and " + ScopeSql.visibleUnit(scope, "u")
                        + " order by u.code")
                .paramSource(params).query(CatalogueRepository::unit).list();
    }

    /** Every visible unit valid on {@code asOf} under {@code rootPath} (or everywhere), ordered by path. */
    public List<Unit> tree(String rootPath, LocalDate asOf, Scope scope, int limit) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource()
                .addValue("root", rootPath).addValue("asOf", asOf).addValue("limit", limit));
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit u where " + ScopeSql.visibleUnit(scope, "u")
                        + " and (cast(:root as text) is null or u.path like :root || '%')"
                        + " and u.valid_from <= :asOf and (u.valid_to is null or u.valid_to >= :asOf)"
                        + " order by u.path limit :limit")
                .paramSource(params).query(CatalogueRepository::unit).list();
    }

    private static final Keyset UNIT_BY_CODE = new Keyset(List.of(new Keyset.Key("u.code", false, String.class), new Keyset.Key("u.id", false, Long.class)));

    private static Keyset unitKeyset(Order order) {
        if (order == null || order.field().equals("CODE")) {
            return order != null && order.descending()
                    ? new Keyset(List.of(new Keyset.Key("u.code", true, String.class), new Keyset.Key("u.id", true, Long.class)))
                    : UNIT_BY_CODE;
        }
        return new Keyset(List.of(new Keyset.Key("u.name", order.descending(), String.class), new Keyset.Key("u.id", order.descending(), Long.class)));
    }

    public static String unitCursor(Unit unit, Order order) {
        return order != null && order.field().equals("NAME") ? Keyset.cursor(unit.name(), unit.key()) : Keyset.cursor(unit.code(), unit.key());
    }

    private static String unitConditions(UnitFilter filter, LocalDate asOf, Scope scope, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>();
        where.add(ScopeSql.visibleUnit(scope, "u"));
        if (filter.level() != null) {
            where.add("u.level = :level");
            params.addValue("level", filter.level());
        }
        if (filter.within() != null) {
            where.add("u.path like (select w.path from unit w where w.id = :within) || '%'");
            params.addValue("within", filter.within());
        }
        if (filter.oneStopShop() != null) {
            where.add("u.one_stop_shop = :oneStop");
            params.addValue("oneStop", filter.oneStopShop());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("lantern_fold(u.code || ' ' || u.name) like '%' || lantern_fold(:text) || '%'");
            params.addValue("text", likeEscape(filter.text().strip()));
        }
        if (asOf != null) {
            where.add("u.valid_from <= :asOf and (u.valid_to is null or u.valid_to >= :asOf)");
            params.addValue("asOf", asOf);
        }
        return String.join(" and ", where);
    }

    public List<Unit> unitPage(UnitFilter filter, LocalDate asOf, Order order, PageRequest page, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        String where = unitConditions(filter, asOf, scope, params);
        Keyset keyset = unitKeyset(order);
        if (page.cursor() != null) {
            where += " and " + keyset.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select " + UNIT_COLUMNS + " from unit u where " + where + " order by " + keyset.orderBy(page.backward())
                        + " limit :limit").paramSource(params).query(CatalogueRepository::unit).list();
    }

    public long unitCount(UnitFilter filter, LocalDate asOf, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        return jdbc.sql("select count(*) from unit u where " + unitConditions(filter, asOf, scope, params))
                .paramSource(params).query(Long.class).single();
    }

    public List<UnitSuccession> successionsOf(Collection<Long> unitIds) {
        return jdbc.sql("select predecessor_id, successor_id, kind, effective_on from unit_succession"
                        + " where predecessor_id = any(:ids) or successor_id = any(:ids) order by effective_on, predecessor_id, successor_id")
                .param("ids", unitIds.toArray(Long[]::new))
                .query((rs, n) -> new UnitSuccession(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    // ------------------------------------------------------------------ officials

    private static Official official(ResultSet rs, int n) throws SQLException {
        return new Official(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("full_name"), rs.getString("position"),
                rs.getString("idp_username"), rs.getInt("version"));
    }

    public List<Official> officialsByIds(Collection<Long> ids, Scope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", ids.toArray(Long[]::new)));
        return jdbc.sql("select o.* from official o where o.id = any(:ids) and " + ScopeSql.unitIdInSubtree(scope, "o.unit_id"))
                .paramSource(params).query(CatalogueRepository::official).list();
    }

    public List<Official> officialsOfUnits(Collection<Long> unitIds, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", unitIds.toArray(Long[]::new)));
        return jdbc.sql("select o.* from official o where o.unit_id = any(:ids) and " + ScopeSql.unitIdInSubtree(scope, "o.unit_id")
                        + " order by o.full_name, o.id")
                .paramSource(params).query(CatalogueRepository::official).list();
    }

    public List<Official> officialByUsername(String username) {
        return jdbc.sql("select o.* from official o where o.idp_username = :u").param("u", username)
                .query(CatalogueRepository::official).list();
    }

    // ------------------------------------------------------------------ procedures

    public static Procedure procedure(ResultSet rs, int n) throws SQLException {
        return new Procedure(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("national_code"), rs.getString("name"),
                rs.getString("field"), rs.getString("authority_level"), rs.getInt("statutory_working_days"), rs.getLong("fee"),
                rs.getString("online_level"), rs.getBoolean("published"), rs.getString("review_state"), rs.getInt("version"));
    }

    public List<Procedure> proceduresByIds(Collection<Long> ids, Scope scope) {
        if (ids.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource("ids", ids.toArray(Long[]::new)));
        return jdbc.sql("select " + PROCEDURE_COLUMNS + " from procedure p where p.id = any(:ids) and " + ScopeSql.unitIdVisible(scope, "p.unit_id"))
                .paramSource(params).query(CatalogueRepository::procedure).list();
    }

    private static String procedureConditions(ProcedureFilter filter, Scope scope, MapSqlParameterSource params) {
        List<String> where = new ArrayList<>();
        where.add(ScopeSql.unitIdVisible(scope, "p.unit_id"));
        if (filter.unit() != null) {
            where.add("p.unit_id = :unit");
            params.addValue("unit", filter.unit());
        }
        if (filter.field() != null) {
            where.add("p.field = :field");
            params.addValue("field", filter.field());
        }
        if (filter.level() != null) {
            where.add("p.authority_level = :level");
            params.addValue("level", filter.level());
        }
        if (filter.onlineLevel() != null) {
            where.add("p.online_level = :online");
            params.addValue("online", filter.onlineLevel());
        }
        if (filter.published() != null) {
            where.add("p.published = :published");
            params.addValue("published", filter.published());
        }
        if (filter.reviewState() != null) {
            where.add("p.review_state = :review");
            params.addValue("review", filter.reviewState());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("lantern_fold(p.national_code || ' ' || p.name) like '%' || lantern_fold(:text) || '%'");
            params.addValue("text", likeEscape(filter.text().strip()));
        }
        return String.join(" and ", where);
    }

    private static Keyset procedureKeyset(Order order) {
        boolean desc = order != null && order.descending();
        String column = order != null && order.field().equals("NAME") ? "p.name" : "p.national_code";
        return new Keyset(List.of(new Keyset.Key(column, desc, String.class), new Keyset.Key("p.id", desc, Long.class)));
    }

    public static String procedureCursor(Procedure p, Order order) {
        return order != null && order.field().equals("NAME") ? Keyset.cursor(p.name(), p.key()) : Keyset.cursor(p.nationalCode(), p.key());
    }

    public List<Procedure> procedurePage(ProcedureFilter filter, Order order, PageRequest page, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        String where = procedureConditions(filter, scope, params);
        Keyset keyset = procedureKeyset(order);
        if (page.cursor() != null) {
            where += " and " + keyset.after(page.cursor(), page.backward(), params, page.backward() ? "before" : "after");
        }
        params.addValue("limit", page.limit());
        return jdbc.sql("select " + PROCEDURE_COLUMNS + " from procedure p where " + where + " order by "
                + keyset.orderBy(page.backward()) + " limit :limit").paramSource(params).query(CatalogueRepository::procedure).list();
    }

    public long procedureCount(ProcedureFilter filter, Scope scope) {
        MapSqlParameterSource params = ScopeSql.bind(scope, new MapSqlParameterSource());
        return jdbc.sql("select count(*) from procedure p where " + procedureConditions(filter, scope, params))
                .paramSource(params).query(Long.class).single();
    }

    // ------------------------------------------------------------------ steps

    private static ProcedureStep step(ResultSet rs, int n) throws SQLException {
        return new ProcedureStep(rs.getLong("id"), rs.getLong("procedure_id"), rs.getInt("ordinal"), rs.getString("name"),
                rs.getInt("allowance_days"), rs.getLong("responsible_unit_id"));
    }

    public List<ProcedureStep> stepsByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from procedure_step where id = any(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(CatalogueRepository::step).list();
    }

    public List<ProcedureStep> stepsOfProcedures(Collection<Long> procedureIds) {
        return jdbc.sql("select * from procedure_step where procedure_id = any(:ids) order by procedure_id, ordinal")
                .param("ids", procedureIds.toArray(Long[]::new)).query(CatalogueRepository::step).list();
    }

    /** Escapes LIKE's wildcards in user text: `50%` finds "50%", not everything starting with 50. */
    public static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
