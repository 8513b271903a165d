package org.trialgraph.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.trialgraph.HeadlessChromium;
import org.trialgraph.SharedData;
import org.trialgraph.TrialGraphTest;
import org.trialgraph.ingest.ImportProgress;
import org.trialgraph.ingest.StudyImporter;

/** The patient page /trial.html: public, and rendering the patient view in a real (headless) Chromium. */
@TrialGraphTest
class TrialPageTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Path SCREENSHOT = Path.of("target", "trial-page-browser-test.png");
    private static final Path REAL_RECORD = SharedData.v2().resolve("partrita-tigit/studies/NCT05635643.json");

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    StudyImporter importer;

    @Test
    void thePageAndItsScriptAreServedToAnonymousReaders() throws Exception {
        mvc.perform(get("/trial.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        mvc.perform(get("/trial.js")).andExpect(status().isOk());
        mvc.perform(get("/trial.css")).andExpect(status().isOk());
    }

    @Test
    void showsTheSeedTrialWithItsSectionsAndOutcomeInChromium() throws IOException {
        String title = graphQl.document("{ trial(nctId: \"NCT07476027\") { briefTitle } }").execute()
                .path("trial.briefTitle").entity(String.class).get();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = open(chromium, "/trial.html?nct=NCT07476027");

            assertThat(browser.findElement(By.id("title")).getText()).contains(title);
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Not yet recruiting");
            assertThat(browser.findElement(By.id("phase")).getText()).isEqualTo("Early Phase 1");
            assertThat(browser.findElements(By.cssSelector(".checklist-section h3"))).extracting(WebElement::getText)
                    .containsExactly("Inclusion Criteria", "Infusion Criteria", "Exclusion Criteria");
            assertThat(browser.findElements(By.cssSelector(".checklist-section tr.item"))).hasSize(16);
            String lvefRow = browser.findElements(By.cssSelector(".checklist-section tr.item")).get(7).getText();
            assertThat(lvefRow).contains("at least 45%", "LVEF) ≥ 45%", "echocardiogram");
            List<WebElement> outcomes = browser.findElements(By.cssSelector("#outcomes li"));
            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.getText())
                    .contains("CR Rate", "28 days after CD7 CAR-T cell infusion"));
            assertThat(browser.findElement(By.id("coordinator-questions")).getText()).contains("CAR-T", "collection");
            assertThat(browser.findElement(By.id("nct-id")).getText()).isEqualTo("NCT07476027");
            assertThat(browser.findElement(By.id("sponsor")).getText())
                    .contains("Institute of Hematology & Blood Diseases Hospital, China");
            assertThat(browser.findElement(By.id("sites-section")).isDisplayed()).isFalse();
            saveScreenshot(browser);
            assertThat(loadedUrls(browser)).as("URLs the page loaded").isNotEmpty()
                    .allSatisfy(url -> assertThat(isLocal(url)).as("%s is served by the application", url).isTrue());
        }
    }

    @Test
    void listsTheNearestOpenSitesWhenTheAddressGivesALocation() throws IOException {
        importer.importPaths(List.of(REAL_RECORD), ImportProgress.NONE);
        String nctId = SharedData.nctId(SharedData.parse(Files.readString(REAL_RECORD)));
        Map<String, Object> near = Map.of("latitude", 41.8781, "longitude", -87.6298, "radiusKm", 800.0);
        List<String> expected = graphQl.document("query($id: ID!, $near: GeoRadius) { patientView(nctId: $id, near: $near)"
                        + " { nearestSites { facility } } }").variable("id", nctId).variable("near", near).execute()
                .path("patientView.nearestSites[*].facility").entityList(String.class).get();
        assertThat(expected).isNotEmpty();
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = open(chromium, "/trial.html?nct=" + nctId + "&lat=41.8781&lon=-87.6298&km=800");

            List<WebElement> sites = browser.findElements(By.cssSelector("#sites li.site"));
            assertThat(sites).hasSameSizeAs(expected);
            for (int i = 0; i < sites.size(); i++) {
                assertThat(sites.get(i).getText()).startsWith(expected.get(i)).contains(" km (RECRUITING)");
            }
        }
    }

    private WebDriver open(HeadlessChromium chromium, String path) {
        WebDriver browser = chromium.browser();
        browser.get("http://localhost:" + port + path);
        new WebDriverWait(browser, TIMEOUT)
                .withMessage(() -> "the page never showed the trial; it says: " + browser.findElement(By.id("message")).getText())
                .until(driver -> driver.findElement(By.id("view")).isDisplayed());
        return browser;
    }

    @SuppressWarnings("unchecked")
    private static List<String> loadedUrls(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name);");
    }

    private static boolean isLocal(String url) {
        URI uri = URI.create(url);
        return "data".equals(uri.getScheme()) || LOCAL_HOSTS.contains(uri.getHost());
    }

    private static void saveScreenshot(WebDriver browser) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
