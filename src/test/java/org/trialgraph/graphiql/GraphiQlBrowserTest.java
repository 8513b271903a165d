package org.trialgraph.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.trialgraph.HeadlessChromium;
import org.trialgraph.TrialGraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Opens the self-hosted GraphiQL in headless Chromium, runs a query and checks that nothing was loaded from
 * anywhere but the application.
 */
@TrialGraphTest
class GraphiQlBrowserTest {

    // What to run and what the response pane must then show; adjust to the real schema as it grows.
    static final String QUERY = "{ trial(nctId: \"NCT07476027\") { briefTitle leadSponsor { name } } }";
    static final String EXPECTED_RESULT_TEXT = "Efficacy and Safety of CD7 CAR-T in Newly Diagnosed High-Risk T-LBL/ALL";

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    static final Path SCREENSHOT = Path.of("target", "graphiql-browser-test.png");

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void runsAQueryWithoutLoadingAnythingFromOtherHosts() throws IOException {
        browser.get("http://localhost:" + port + "/graphiql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
        WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);

        wait.withMessage("the query editor never showed the query")
                .until(driver -> editorText(".graphiql-query-editor").contains("NCT07476027"));
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        wait.withMessage(() -> "the response pane never showed " + EXPECTED_RESULT_TEXT
                        + "; it shows: " + editorText(".result-window"))
                .until(driver -> editorText(".result-window").replaceAll("\\s+", " ").contains(EXPECTED_RESULT_TEXT));
        saveScreenshot();

        List<String> loaded = loadedUrls();
        assertThat(loaded).as("URLs the page loaded").isNotEmpty()
                .allSatisfy(url -> assertThat(isLocal(url)).as("%s is served by the application", url).isTrue());
        assertThat(loaded).as("Monaco's GraphQL worker is loaded from the application")
                .anyMatch(url -> url.endsWith("/graphiql/workers/graphql.worker.js"));
    }

    /** Monaco renders lines as DOM spans with non-breaking spaces, and wraps long lines (so compare words). */
    private String editorText(String containerSelector) {
        List<?> text = (List<?>) js("return Array.from(document.querySelectorAll(arguments[0] + ' .view-lines'),"
                + " e => e.textContent);", containerSelector);
        return String.join("\n", text.stream().map(String::valueOf).toList()).replace('\u00a0', ' ');
    }

    @SuppressWarnings("unchecked")
    private List<String> loadedUrls() {
        return (List<String>) js("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name);");
    }

    private static boolean isLocal(String url) {
        URI uri = URI.create(url);
        return "data".equals(uri.getScheme()) || "blob".equals(uri.getScheme()) || LOCAL_HOSTS.contains(uri.getHost());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void saveScreenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
