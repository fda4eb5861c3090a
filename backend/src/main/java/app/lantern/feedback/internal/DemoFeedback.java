package app.lantern.feedback.internal;

import app.lantern.calendar.CalendarService;
import app.lantern.calendar.WorkingDays;
import app.lantern.demo.DemoProperties;
import app.lantern.dossier.LookupSecrets;
import app.lantern.feedback.FeedbackProperties;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Five demo feedback items, the same on every machine, added after the demo province (once; a
 * {@code demo_dataset} row marks them): open within its deadline, overdue, answered on time and
 * rated, answered late, and one about the demo citizen's dossier. Their secret is {@code LANTERNDEMO}.
 */
@Component
@Order(10)
class DemoFeedback implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);
    static final String SET = "feedback";
    static final String SECRET = "LANTERNDEMO";

    private final DemoProperties demo;
    private final FeedbackProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CalendarService calendar;

    DemoFeedback(DemoProperties demo, FeedbackProperties properties, JdbcClient jdbc, TransactionTemplate transactions,
                 CalendarService calendar) {
        this.demo = demo;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calendar = calendar;
    }

    private record Item(String code, String kind, String unit, String about, LocalDateTime submitted, String message,
                        String senderName, String senderEmail, String senderPhone, String senderUsername,
                        LocalDateTime answered, String answer, String answeredBy, Integer rating) {
    }

    private static final Item[] ITEMS = {
            new Item("GY-DEMO0001", "FEEDBACK", "NA-SYT", "procedure", LocalDateTime.of(2026, 10, 5, 9, 15),
                    "Tôi nộp hồ sơ cấp chứng chỉ hành nghề đã quá hẹn nhưng chưa nhận được thông báo nào từ Sở.",
                    "Nguyễn Văn An", null, "0912000111", null, null, null, null, null),
            new Item("GY-DEMO0002", "RECOMMENDATION", "NA-SYT", "unit", LocalDateTime.of(2026, 11, 18, 14, 0),
                    "Đề nghị Sở công khai số điện thoại đường dây nóng tại bộ phận một cửa và trên cổng thông tin.",
                    "Trần Thị Bình", "binh.tran@example.vn", null, null, null, null, null, null),
            new Item("GY-DEMO0003", "FEEDBACK", "NA-STNMT", "procedure", LocalDateTime.of(2026, 10, 20, 8, 40),
                    "Thành phần hồ sơ niêm yết tại bộ phận một cửa khác với thành phần đăng trên cổng dịch vụ công.",
                    "Lê Văn Cường", "cuong.le@example.vn", null, null, LocalDateTime.of(2026, 10, 28, 16, 20),
                    "Sở đã rà soát và cập nhật thành phần hồ sơ niêm yết tại bộ phận một cửa cho thống nhất với Cổng dịch vụ công quốc gia từ ngày 27/10/2026.",
                    "head.stnmt", 4),
            new Item("GY-DEMO0004", "FEEDBACK", null, "dossier", LocalDateTime.of(2026, 11, 2, 10, 5),
                    "Hồ sơ của tôi được hẹn trả nhưng khi đến nhận thì cán bộ báo chưa có kết quả.",
                    null, null, null, "citizen", LocalDateTime.of(2026, 11, 10, 9, 0),
                    "Đơn vị đã kiểm tra, hồ sơ chậm do phải xin ý kiến cơ quan liên quan; đơn vị đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.",
                    null, null),
            new Item("GY-DEMO0005", "RECOMMENDATION", "NA-NGHILOC", "unit", LocalDateTime.of(2024, 3, 11, 15, 30),
                    "Đề nghị bố trí thêm ghế chờ và máy lấy số thứ tự tại bộ phận tiếp nhận và trả kết quả của huyện.",
                    "Hoàng Văn Dũng", null, "0983000222", null, LocalDateTime.of(2024, 4, 5, 10, 0),
                    "Ủy ban nhân dân huyện đã bố trí thêm 20 ghế chờ và lắp đặt máy lấy số thứ tự tại bộ phận một cửa từ tháng 4/2024.",
                    "head.nghiloc", 5),
    };

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("lock table demo_dataset in exclusive mode").update();
            if (jdbc.sql("select count(*) from demo_dataset where name = :name").param("name", SET).query(Long.class).single() > 0
                    || jdbc.sql("select count(*) from unit where code = 'NA-SYT'").query(Long.class).single() == 0) {
                return;
            }
            int added = 0;
            for (Item item : ITEMS) {
                added += insert(item) ? 1 : 0;
            }
            jdbc.sql("insert into demo_dataset (name, seed, dossiers, millis) values (:name, :seed, 0, 0)")
                    .param("name", SET).param("seed", demo.seed()).update();
            log.info("Demo data: {} feedback items", added);
        });
    }

    private boolean insert(Item item) {
        Long unit = null;
        Long procedure = null;
        Long dossier = null;
        switch (item.about()) {
            case "procedure" -> {
                procedure = jdbc.sql("select p.id from procedure p join unit u on u.id = p.unit_id where u.code = :unit"
                                + " and p.review_state <> 'ABOLISHED' order by p.national_code, p.id limit 1")
                        .param("unit", item.unit()).query(Long.class).optional().orElse(null);
                unit = procedure == null ? null : unitId(item.unit());
            }
            case "dossier" -> {
                var row = jdbc.sql("select id, unit_id from dossier where identity_number = '040190000123' order by id limit 1")
                        .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("unit_id")}).optional();
                if (row.isPresent()) {
                    dossier = row.get()[0];
                    unit = row.get()[1];
                }
            }
            default -> unit = unitId(item.unit());
        }
        if (unit == null) {
            return false;
        }
        LocalDate submittedOn = item.submitted().toLocalDate();
        LocalDate due = calendar.deadlines().dueDate(submittedOn, properties.answerDays());
        Long official = item.answeredBy() == null ? null
                : jdbc.sql("select id from official where idp_username = :u").param("u", item.answeredBy()).query(Long.class)
                        .optional().orElse(null);
        jdbc.sql("""
                        insert into feedback (code, secret_hash, kind, unit_id, procedure_id, dossier_id, message, sender_name,
                            sender_email, sender_phone, sender_username, submitted_at, answer_due_date, answer, answered_at,
                            answered_by, answered_by_official_id, rating, rated_at)
                        values (:code, :hash, :kind, :unit, :procedure, :dossier, :message, :name, :email, :phone, :username,
                            :submitted, :due, :answer, :answered, :answeredBy, :official, :rating, :rated)""")
                .param("code", item.code()).param("hash", LookupSecrets.hash(item.code(), SECRET)).param("kind", item.kind())
                .param("unit", unit).param("procedure", procedure).param("dossier", dossier).param("message", item.message())
                .param("name", item.senderName()).param("email", item.senderEmail()).param("phone", item.senderPhone())
                .param("username", item.senderUsername()).param("submitted", at(item.submitted())).param("due", due)
                .param("answer", item.answer()).param("answered", item.answered() == null ? null : at(item.answered()))
                .param("answeredBy", item.answeredBy()).param("official", official).param("rating", item.rating())
                .param("rated", item.rating() == null ? null : at(item.answered().plusDays(1)))
                .update();
        return true;
    }

    private Long unitId(String code) {
        return jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).optional().orElse(null);
    }

    private static OffsetDateTime at(LocalDateTime local) {
        return local.atZone(WorkingDays.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
