package app.lantern.catalogue.internal;

import app.lantern.catalogue.CatalogueAdmin.ProcedureSetup;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of the catalogue; every update checks the version the caller read. */
@Repository
public class CatalogueWrites {

    private final JdbcClient jdbc;

    CatalogueWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean unitCodeTaken(String code) {
        return jdbc.sql("select count(*) from unit where code = :c").param("c", code).query(Long.class).single() > 0;
    }

    public long insertUnit(String code, String name, String level, Long parentId, String parentPath, String address, String phone,
                           String email, boolean oneStopShop, LocalDate validFrom) {
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('unit', 'id'))").query(Long.class).single();
        jdbc.sql("""
                insert into unit (id, code, name, level, parent_id, path, address, phone, email, one_stop_shop, valid_from)
                values (:id, :code, :name, :level, :parent, :path, :address, :phone, :email, :oneStop, :from)""")
                .param("id", id).param("code", code).param("name", name).param("level", level).param("parent", parentId)
                .param("path", (parentPath == null ? "/" : parentPath) + id + "/").param("address", address).param("phone", phone)
                .param("email", email).param("oneStop", oneStopShop).param("from", validFrom).update();
        return id;
    }

    public boolean updateUnit(long id, int version, String name, String address, String phone, String email, Boolean oneStopShop,
                              LocalDate validTo) {
        return jdbc.sql("""
                update unit set name = coalesce(:name, name), address = coalesce(:address, address), phone = coalesce(:phone, phone),
                    email = coalesce(:email, email), one_stop_shop = coalesce(:oneStop, one_stop_shop),
                    valid_to = coalesce(:validTo, valid_to), version = version + 1
                where id = :id and version = :version""")
                .param("name", name).param("address", address).param("phone", phone).param("email", email)
                .param("oneStop", oneStopShop).param("validTo", validTo).param("id", id).param("version", version).update() == 1;
    }

    public void insertSuccession(long predecessor, long successor, String kind, LocalDate effectiveOn) {
        jdbc.sql("""
                insert into unit_succession (predecessor_id, successor_id, kind, effective_on) values (:p, :s, :k, :e)
                on conflict (predecessor_id, successor_id) do update set kind = excluded.kind, effective_on = excluded.effective_on""")
                .param("p", predecessor).param("s", successor).param("k", kind).param("e", effectiveOn).update();
    }

    public boolean usernameTaken(String username, Long except) {
        return jdbc.sql("select count(*) from official where idp_username = :u and (cast(:except as bigint) is null or id <> :except)")
                .param("u", username).param("except", except).query(Long.class).single() > 0;
    }

    public long insertOfficial(long unitId, String fullName, String position, String username) {
        return jdbc.sql("insert into official (unit_id, full_name, position, idp_username) values (:unit, :name, :position, :username)"
                        + " returning id")
                .param("unit", unitId).param("name", fullName).param("position", position).param("username", username)
                .query(Long.class).single();
    }

    public boolean updateOfficial(long id, int version, Long unitId, String fullName, String position, String username) {
        return jdbc.sql("""
                update official set unit_id = coalesce(:unit, unit_id), full_name = coalesce(:name, full_name),
                    position = coalesce(:position, position), idp_username = coalesce(:username, idp_username), version = version + 1
                where id = :id and version = :version""")
                .param("unit", unitId).param("name", fullName).param("position", position).param("username", username)
                .param("id", id).param("version", version).update() == 1;
    }

    public boolean nationalCodeTaken(long unitId, String code) {
        return jdbc.sql("select count(*) from procedure where unit_id = :u and national_code = :c").param("u", unitId).param("c", code)
                .query(Long.class).single() > 0;
    }

    /** {@code setup} must be complete (every entry given; dates may be null). */
    public long insertProcedure(long unitId, String code, String name, String field, String level, int days, long fee, String online,
                                boolean published, ProcedureSetup setup) {
        return jdbc.sql("""
                insert into procedure (unit_id, national_code, name, field, authority_level, statutory_working_days, fee,
                    online_level, published, effective_on, announced_on, published_on, full_content_published, online_payment_enabled,
                    portal_payment_configured, population_db_connected)
                values (:unit, :code, :name, :field, :level, :days, :fee, :online, :published, :effective, :announced, :publishedOn,
                    :fullContent, :onlinePayment, :portalPayment, :populationDb) returning id""")
                .param("unit", unitId).param("code", code).param("name", name).param("field", field).param("level", level)
                .param("days", days).param("fee", fee).param("online", online).param("published", published)
                .param("effective", setup.effectiveOn()).param("announced", setup.announcedOn()).param("publishedOn", setup.publishedOn())
                .param("fullContent", setup.fullContentPublished()).param("onlinePayment", setup.onlinePaymentEnabled())
                .param("portalPayment", setup.portalPaymentConfigured()).param("populationDb", setup.populationDbConnected())
                .query(Long.class).single();
    }

    /** Null arguments, and null entries of {@code setup}, leave their column as it is. */
    public boolean updateProcedure(long id, int version, String name, Integer days, Long fee, String online, Boolean published,
                                   String review, ProcedureSetup setup) {
        return jdbc.sql("""
                update procedure set name = coalesce(:name, name), statutory_working_days = coalesce(:days, statutory_working_days),
                    fee = coalesce(:fee, fee), online_level = coalesce(:online, online_level), published = coalesce(:published, published),
                    review_state = coalesce(:review, review_state),
                    effective_on = coalesce(cast(:effective as date), effective_on),
                    announced_on = coalesce(cast(:announced as date), announced_on),
                    published_on = coalesce(cast(:publishedOn as date), published_on),
                    full_content_published = coalesce(cast(:fullContent as boolean), full_content_published),
                    online_payment_enabled = coalesce(cast(:onlinePayment as boolean), online_payment_enabled),
                    portal_payment_configured = coalesce(cast(:portalPayment as boolean), portal_payment_configured),
                    population_db_connected = coalesce(cast(:populationDb as boolean), population_db_connected),
                    version = version + 1
                where id = :id and version = :version""")
                .param("name", name).param("days", days).param("fee", fee).param("online", online).param("published", published)
                .param("review", review)
                .param("effective", setup.effectiveOn()).param("announced", setup.announcedOn()).param("publishedOn", setup.publishedOn())
                .param("fullContent", setup.fullContentPublished()).param("onlinePayment", setup.onlinePaymentEnabled())
                .param("portalPayment", setup.portalPaymentConfigured()).param("populationDb", setup.populationDbConnected())
                .param("id", id).param("version", version).update() == 1;
    }

    /** A procedure's announcement, publication and set-up as stored. */
    public ProcedureSetup procedureSetup(long id) {
        return jdbc.sql("""
                select effective_on, announced_on, published_on, full_content_published, online_payment_enabled,
                    portal_payment_configured, population_db_connected
                from procedure where id = :id""")
                .param("id", id)
                .query((rs, n) -> new ProcedureSetup(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)))
                .single();
    }

    /** Writes step {@code ordinal} of a procedure, creating it when missing. */
    public void upsertStep(long procedureId, int ordinal, String name, int allowance, long responsibleUnitId) {
        jdbc.sql("""
                insert into procedure_step (procedure_id, ordinal, name, allowance_days, responsible_unit_id)
                values (:p, :o, :n, :a, :u)
                on conflict (procedure_id, ordinal) do update set name = excluded.name, allowance_days = excluded.allowance_days,
                    responsible_unit_id = excluded.responsible_unit_id""")
                .param("p", procedureId).param("o", ordinal).param("n", name).param("a", allowance).param("u", responsibleUnitId).update();
    }

    /** Steps beyond {@code count} that a dossier or event still refers to. */
    public long stepsInUseBeyond(long procedureId, int count) {
        return jdbc.sql("""
                select count(*) from procedure_step s where s.procedure_id = :p and s.ordinal > :n
                  and (exists (select 1 from dossier d where d.current_step_id = s.id)
                       or exists (select 1 from dossier_event e where e.step_id = s.id))""")
                .param("p", procedureId).param("n", count).query(Long.class).single();
    }

    public void deleteStepsBeyond(long procedureId, int count) {
        jdbc.sql("delete from procedure_step where procedure_id = :p and ordinal > :n").param("p", procedureId).param("n", count).update();
    }
}
