package org.trialgraph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's chromium and chromium-driver for browser tests, started headless with a throwaway profile. Where
 * either is not installed, {@link #start()} skips the test with a message saying what to install.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profileDir;
    private final WebDriver browser;

    private HeadlessChromium(Path profileDir, WebDriver browser) {
        this.profileDir = profileDir;
        this.browser = browser;
    }

    /** Starts the browser, or skips the calling test when it is not installed. */
    public static HeadlessChromium start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing (apt-get install chromium-driver)");
        Path profileDir = Files.createTempDirectory("trialgraph-chromium-");

        // An explicit driver and binary keep Selenium Manager from trying to download either.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profileDir);
        return new HeadlessChromium(profileDir, new ChromeDriver(service, options));
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        FileSystemUtils.deleteRecursively(profileDir);
    }
}
