package app.lantern.calendar.internal;

import app.lantern.calendar.CalendarDay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CalendarDayRepository {

    private final JdbcClient jdbc;

    CalendarDayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CalendarDay> all() {
        return jdbc.sql("select day, kind, name from calendar_day order by day").query(this::map).list();
    }

    public List<CalendarDay> between(LocalDate from, LocalDate to) {
        return jdbc.sql("select day, kind, name from calendar_day where day >= :from and day <= :to order by day")
                .param("from", from).param("to", to).query(this::map).list();
    }

    public void upsert(CalendarDay day) {
        jdbc.sql("""
                insert into calendar_day (day, kind, name) values (:day, :kind, :name)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name""")
                .param("day", day.day()).param("kind", day.kind().name()).param("name", day.name()).update();
    }

    public boolean delete(LocalDate day) {
        return jdbc.sql("delete from calendar_day where day = :day").param("day", day).update() > 0;
    }

    private CalendarDay map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CalendarDay(rs.getObject("day", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name"));
    }
}
