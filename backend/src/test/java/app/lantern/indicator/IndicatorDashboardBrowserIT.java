package app.lantern.indicator;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.support.Browser;
import app.lantern.support.BrowserTestBase;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A visitor reads the published delays lists without logging in. An inspector in headless Chromium
 * lands on the province's Decision 766 dashboard for 2023 with its units ranked, goes down the
 * ranking to the Department of Health, opens the numerator of "dossiers resolved on time", finds
 * there as many dossiers as the scorecard counted, downloads them all as an XLSX workbook holding
 * that many rows, and follows one to its own page.
 */
class IndicatorDashboardBrowserIT extends BrowserTestBase {

    @Test
    void inspectorDrillsDownFromTheProvinceToTheDossiersBehindAnIndicator() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "indicator-drill-down", () -> {
                Browser.logIn(page, app(), "/dashboard?period=year&y=2023", "inspector.lead", "demo");

                // An inspector lands on the province's units, ranked.
                assertThat(page.getByTestId("dashboard-tab-ranking")).hasAttribute("aria-selected", "true");
                assertThat(page.getByTestId("ranking-row").first()).isVisible();

                // The province, scored: a gauge with the total and its band, the rule set in force.
                page.getByTestId("dashboard-tab-scorecard").click();
                assertThat(page.getByTestId("scorecard-gauge")).isVisible();
                assertThat(page.getByTestId("scorecard-facts")).containsText("Tỉnh Nghệ An (NA)");
                assertThat(page.getByTestId("scorecard-facts")).containsText("01/01/2023 – 31/12/2023");
                assertThat(page.getByTestId("scorecard-ruleset")).containsText("766");
                assertThat(page.getByTestId("group-bar")).hasCount(6);

                // Province → unit: the ranking links each unit to its own dashboard.
                page.getByTestId("dashboard-tab-ranking").click();
                Locator health = page.locator("[data-testid=ranking-row][data-unit=NA-SYT]");
                assertThat(health).isVisible();
                health.getByTestId("ranking-unit").click();
                assertThat(page.getByTestId("scorecard-facts")).containsText("(NA-SYT)");

                // Unit → indicator → the dossiers behind its numerator.
                Locator onTime = page.locator("[data-testid=indicator-row][data-code=DOSSIERS_RESOLVED_ON_TIME]");
                Locator numerator = onTime.getByTestId("indicator-numerator");
                assertThat(numerator).hasAttribute("href", Pattern.compile(".*/dashboard/indicators/DOSSIERS_RESOLVED_ON_TIME\\?unit=.*period=year&y=2023.*"));
                String counted = numerator.textContent().trim();
                numerator.click();

                assertThat(page.getByTestId("indicator-title")).isVisible();
                assertThat(page.getByTestId("indicator-unit")).containsText("Sở Y tế");
                Locator rows = page.getByTestId("dossier-row");
                assertThat(rows.first()).isVisible();
                assertThat(page.getByTestId("total-count")).containsText("tổng số " + counted);

                // Every dossier behind the figure, not just the page on screen, in a workbook Excel opens.
                Download download = page.waitForDownload(() -> page.getByTestId("indicator-export-xlsx").click());
                assertThat(download.suggestedFilename()).matches("DOSSIERS_RESOLVED_ON_TIME-numerator-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
                assertThat(dossierRowsIn(download.path())).isEqualTo(Integer.parseInt(counted.replaceAll("[^0-9]", "")));

                Locator first = rows.first().getByTestId("dossier-link");
                String code = first.textContent().trim();
                first.click();
                assertThat(page.getByTestId("dossier-code")).hasText(code);
            });
        }
    }

    /** The data rows (all but the header) of the workbook's only sheet, after checking the parts Excel needs are there and parse. */
    private static int dossierRowsIn(Path xlsx) {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (String part : new String[] {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"}) {
                assertThat(zip.getEntry(part)).as(part).isNotNull();
                parse(zip, zip.getEntry(part));
            }
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            assertThat(sheet).as("xl/worksheets/sheet1.xml").isNotNull();
            Document document = parse(zip, sheet);
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("worksheet");
            var rows = document.getElementsByTagNameNS("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "row");
            assertThat(rows.item(0).getTextContent()).startsWith("Mã hồ sơ");
            return rows.getLength() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new AssertionError(entry.getName() + " is not well-formed XML", e);
        }
    }

    @Test
    void aVisitorReadsThePublishedDelaysListsWithoutLoggingIn() {
        try (BrowserContext context = browser.newContext("vi-VN")) {
            Page page = context.newPage();
            Browser.recordingFailures(page, "public-delays", () -> {
                page.navigate(app() + "/public/delays");
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Danh sách cán bộ để hồ sơ chậm muộn đã công khai"))).isVisible();
                assertThat(page.getByTestId("public-total")).containsText("danh sách đã công khai");
                assertThat(page.getByTestId("login")).isVisible();
                assertThat(page).hasURL(app() + "/public/delays");
            });
        }
    }
}
