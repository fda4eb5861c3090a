package app.lantern.citizen;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.lantern.dossier.LookupSecrets;
import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen on the public pages in headless Chromium, without logging in: looks up a demo dossier,
 * fails with a wrong secret, sends feedback to the Department of Health and keeps its code; the
 * department's head logs in, refuses to get away with "OK" and answers; the citizen reads the answer.
 */
class CitizenBrowserIT extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenLooksUpADossierSendsFeedbackAndTheUnitHeadAnswersIt() {
        jdbc.sql("delete from request_throttle").update();
        String code = jdbc.sql("select receipt_code, lookup_secret_hash from dossier where identity_number = '040190000123' order by id")
                .query((rs, n) -> LookupSecrets.matches(rs.getString(1), "LANTERNDEMO", rs.getString(2)) ? rs.getString(1) : null)
                .list().stream().filter(Objects::nonNull).findFirst().orElseThrow();
        String health = jdbc.sql("select name from unit where code = 'NA-SYT'").query(String.class).single();

        try (BrowserContext citizen = browser.newContext("vi-VN")) {
            Page page = citizen.newPage();
            Browser.recordingFailures(page, "citizen-lookup-feedback", () -> {
                page.navigate(app() + "/lookup");
                // The light public entry: none of the staff app's libraries on the citizen's phone.
                assertThat(page.locator("script[src*='/assets/react-'], script[src*='/assets/mantine-'], link[href*='/assets/mantine-']")).hasCount(0);
                page.getByLabel("Mã hồ sơ").fill(code);
                page.getByLabel("Mã tra cứu hoặc 4 số cuối").fill("LANTERNDEMO");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
                assertThat(page.getByTestId("public-dossier")).containsText(code);
                assertThat(page.getByTestId("public-status")).isVisible();
                assertThat(page.getByTestId("public-timeline")).containsText("Tiếp nhận hồ sơ");
                assertThat(page.locator("body")).not().containsText("Phạm Thị Lan");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu hồ sơ khác")).click();
                page.getByLabel("Mã hồ sơ").fill(code);
                page.getByLabel("Mã tra cứu hoặc 4 số cuối").fill("WRONGSECRET");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tra cứu")).click();
                assertThat(page.getByTestId("lookup-no-match")).containsText("Không tìm thấy hồ sơ");

                page.navigate(app() + "/feedback");
                page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Đơn vị").setExact(true)).check();
                page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Đơn vị")).selectOption(new SelectOption().setLabel(health));
                page.getByLabel("Nội dung phản ánh, kiến nghị").fill("Bộ phận một cửa của Sở chưa niêm yết số điện thoại đường dây nóng.");
                page.getByLabel("Họ và tên").fill("Đặng Thị Thu");
                page.getByLabel("Số điện thoại").fill("0977123456");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi phản ánh")).click();
                assertThat(page.getByTestId("feedback-code")).isVisible();
            });
            String feedbackCode = page.getByTestId("feedback-code").textContent().trim();
            String secret = page.getByTestId("feedback-secret").textContent().trim();

            try (BrowserContext head = browser.newContext("vi-VN")) {
                Page staff = head.newPage();
                Browser.recordingFailures(staff, "unit-head-answers-feedback", () -> {
                    Browser.logIn(staff, app(), "/feedback-inbox?q=" + feedbackCode, "head.syt", "demo");
                    staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(feedbackCode)).click();
                    assertThat(staff.getByTestId("answer-message")).containsText("đường dây nóng");
                    staff.getByLabel("Câu trả lời").fill("OK");
                    staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi câu trả lời")).click();
                    assertThat(staff.getByText("Câu trả lời chưa cụ thể", new Page.GetByTextOptions().setExact(false))).isVisible();
                    staff.getByLabel("Câu trả lời").fill("Sở đã niêm yết số điện thoại đường dây nóng tại bộ phận một cửa từ hôm nay.");
                    staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi câu trả lời")).click();
                    assertThat(staff.getByTestId("answer-given")).containsText("đường dây nóng tại bộ phận một cửa");
                });
            }

            Browser.recordingFailures(page, "citizen-reads-answer", () -> {
                page.navigate(app() + "/feedback/" + feedbackCode);
                page.getByLabel("Mã bí mật").fill(secret);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem trạng thái")).click();
                assertThat(page.getByTestId("feedback-answer")).containsText("đường dây nóng tại bộ phận một cửa");
            });
        }
    }
}
