package app.lantern.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} (or {@code CHROMIUM_PATH}) driven
 * by Playwright, which is told never to download a browser of its own.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": install it (apt-get install chromium) or set CHROMIUM_PATH");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Browser(playwright, browser);
    }

    /** A fresh context (no cookies, no storage) with the given locale. */
    public com.microsoft.playwright.BrowserContext newContext(String locale) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale));
    }

    /**
     * Runs a browser scenario; when it fails, keeps a screenshot and the page's HTML under
     * {@code target/browser-failures/} so the failure can be seen, not guessed.
     */
    public static void recordingFailures(com.microsoft.playwright.Page page, String name, Runnable scenario) {
        List<String> graphQlErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().endsWith("/graphql")) {
                try {
                    String body = response.text();
                    if (body.contains("\"errors\"")) {
                        graphQlErrors.add(response.request().postData() + "\n=> " + body);
                    }
                } catch (RuntimeException ignored) {
                    // the page may have navigated away
                }
            }
        });
        try {
            scenario.run();
        } catch (RuntimeException | AssertionError failure) {
            try {
                Path dir = Path.of("target", "browser-failures");
                Files.createDirectories(dir);
                page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
                Files.writeString(dir.resolve(name + ".html"), page.url() + "\n" + page.content());
                Files.writeString(dir.resolve(name + "-graphql-errors.txt"), String.join("\n\n", graphQlErrors));
            } catch (Exception ignored) {
                // the original failure matters more
            }
            throw failure;
        }
    }

    /**
     * Logs in through Keycloak's real login page: opens {@code appUrl + path} (a page that needs a
     * login), fills the form and waits until the browser is back in the application.
     */
    public static void logIn(com.microsoft.playwright.Page page, String appUrl, String path, String username, String password) {
        page.navigate(appUrl + path);
        page.waitForURL(url -> url.contains("/protocol/openid-connect/auth"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(appUrl));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
