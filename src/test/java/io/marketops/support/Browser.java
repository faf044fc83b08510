package io.marketops.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright (no browser download: the system binary).
 * Playwright gives every launch a fresh, empty user-data dir. Tests skip only when /usr/bin/chromium is absent; CI installs it in .ci/run.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MARKETOPS_CHROMIUM", "/usr/bin/chromium"));
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() throws Exception {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    public static Browser start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM + " (apt-get install chromium)");
        return new Browser();
    }

    /** A fresh page at 1280×800 with the given Accept-Language. */
    public Page page(String acceptLanguage) {
        return browser.newContext(new NewContextOptions().setViewportSize(1280, 800).setLocale(acceptLanguage)).newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
