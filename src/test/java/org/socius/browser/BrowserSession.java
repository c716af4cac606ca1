package org.socius.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless. The browser is the system's; Playwright
 * downloads none of its own.
 */
final class BrowserSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("socius.chromium", "/usr/bin/chromium"));

  private final Playwright playwright;
  private final Browser browser;

  BrowserSession() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "Browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium)");
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  Page newPage() {
    return browser.newContext(new Browser.NewContextOptions().setLocale("en-GB")).newPage();
  }

  /** Fails on any serious or critical accessibility violation of the page as it is now. */
  static void assertAccessible(Page page) {
    AxeResults results =
        new AxeBuilder(page)
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze();
    List<String> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .map(BrowserSession::describe)
            .toList();
    assertThat(serious).as("accessibility violations on " + page.url()).isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + ": "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
