package app.lantern.citizen;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo citizen logs in once in the staff app, then uses the light public pages: /feedback knows
 * who sends, takes feedback about her dossier without contact details nor second factor, and
 * /feedback/{code} shows it to her without the secret. A browser without a Lantern login neither
 * loads the login code nor sees the item without the secret.
 */
class LoggedInCitizenBrowserIT extends BrowserTestBase {

    private static final String MESSAGE = "Hồ sơ của tôi đã quá hạn hai ngày mà chưa nhận được thư xin lỗi.";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLoggedInCitizenSendsFeedbackWithoutContactDetailsAndFollowsItWithoutTheSecret() {
        jdbc.sql("delete from request_throttle").update();
        String dossier = jdbc.sql("select receipt_code from dossier where identity_number = '040190000123' order by id limit 1")
                .query(String.class).single();

        AtomicReference<String> sentCode = new AtomicReference<>();
        try (BrowserContext citizen = browser.newContext("vi-VN")) {
            Page page = citizen.newPage();
            Browser.recordingFailures(page, "logged-in-citizen-feedback", () -> {
                Browser.logIn(page, app(), "/me", "citizen", "demo");
                assertThat(page.getByTestId("user-name")).hasText("Phạm Thị Lan");
                // The staff app left its marker (no token, no personal data) for the public pages.
                page.waitForFunction("() => localStorage.getItem('lantern.signedIn') === '1'");

                page.navigate(app() + "/feedback?dossier=" + dossier);
                assertThat(page.getByTestId("sending-as")).containsText("Bạn đang gửi với tư cách Phạm Thị Lan");
                assertThat(page.getByTestId("account")).hasText("Phạm Thị Lan");
                assertThat(page.getByLabel("Mã hồ sơ")).hasValue(dossier);
                page.getByLabel("Nội dung phản ánh, kiến nghị").fill(MESSAGE);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi phản ánh")).click();
                assertThat(page.getByTestId("feedback-code")).isVisible();
                String code = page.getByTestId("feedback-code").textContent().trim();
                sentCode.set(code);

                page.navigate(app() + "/feedback/" + code);
                // The hint appears once the page knows she is logged in; she leaves the secret empty.
                assertThat(page.getByText("Không cần nếu bạn đã đăng nhập khi gửi")).isVisible();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem trạng thái")).click();
                assertThat(page.getByTestId("feedback-status")).containsText(MESSAGE);
                assertThat(page.getByTestId("feedback-status")).containsText(dossier);
            });
        }
        String feedbackCode = sentCode.get();

        Map<String, Object> sent = jdbc.sql("select sender_username, sender_name, sender_email, sender_phone from feedback where code = :code")
                .param("code", feedbackCode).query().singleRow();
        assertThat(sent).containsEntry("sender_username", "citizen").containsEntry("sender_name", "Phạm Thị Lan")
                .containsEntry("sender_email", null).containsEntry("sender_phone", null);

        try (BrowserContext stranger = browser.newContext("vi-VN")) {
            Page page = stranger.newPage();
            List<String> requested = new CopyOnWriteArrayList<>();
            page.onRequest(request -> requested.add(request.url()));
            Browser.recordingFailures(page, "anonymous-follows-without-secret", () -> {
                page.navigate(app() + "/feedback/" + feedbackCode);
                assertThat(page.getByTestId("account")).hasText("Đăng nhập");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem trạng thái")).click();
                assertThat(page.getByTestId("feedback-no-match")).containsText("Không tìm thấy phản ánh");
                assertThat(page.locator("body")).not().containsText(MESSAGE);
            });
            // Without the marker, nothing of the login is fetched: no config, no keycloak-js, no Keycloak.
            assertThat(requested).noneMatch(url -> url.contains("/config.json") || url.contains("/assets/keycloak") || url.contains("/realms/"));
        }
    }
}
