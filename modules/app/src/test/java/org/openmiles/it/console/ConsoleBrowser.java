package org.openmiles.it.console;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium on the console, with the steps the console browser tests share: open,
 * type, click, read, log in and out, and numbered screenshots under {@code target/screenshots/}.
 * One instance per test, with a fresh profile, closed by {@link #close()}.
 */
final class ConsoleBrowser implements AutoCloseable {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  final WebDriverWait wait;
  private final URL base;
  private final Path profile;
  private final String testName;
  private int shot;

  ConsoleBrowser(URL base, String testName) throws IOException {
    File chromium = new File("/usr/bin/chromium");
    File chromedriver = new File("/usr/bin/chromedriver");
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "console browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
              + " /usr/bin/chromedriver): ./openmiles test installs them as root, or run"
              + " apt-get install chromium chromium-driver");
    }
    this.base = base;
    this.testName = testName;
    profile = Files.createTempDirectory("openmiles-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    // generous: the machine may be shared and a page under load can take long; a pass never
    // waits this long
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    // an ajax answer renders parts of the page again: an element read a moment before is then
    // stale, and every wait asks again instead of failing the test
    wait.ignoring(StaleElementReferenceException.class);
    Files.createDirectories(SCREENSHOTS);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  void open(String path) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    driver.get(root + path);
  }

  void login(String user, String password) {
    open("console/login.xhtml");
    submitLogin(user, password);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("whoami")));
  }

  void submitLogin(String user, String password) {
    type("login:username", user);
    type("login:password", password);
    click("login:submit");
  }

  /** Submits the login form and waits until the answer has replaced the page (a full POST). */
  void submitLoginAndWaitForThePage(String user, String password) {
    WebElement page = driver.findElement(By.tagName("html"));
    submitLogin(user, password);
    // while the old page goes, Chromium may answer "node does not belong to the document" instead
    // of "stale": asked again, it says stale
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .ignoring(WebDriverException.class)
        .until(ExpectedConditions.stalenessOf(page));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:submit")));
  }

  void logout() {
    click("userbar:logout");
    wait.until(ExpectedConditions.urlContains("loggedOut"));
  }

  void type(String id, String value) {
    WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    e.clear();
    e.sendKeys(value);
  }

  /**
   * Clicks an element as a person would: scrolled into the middle of the window, once no open
   * calendar or other overlay covers it. A click another element would receive is retried after
   * Escape (which closes the console's overlays) until the wait runs out, so that a browser that
   * animates an overlay a little longer than another does not fail the test.
   */
  void click(String id) {
    WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
    script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", e);
    closeCalendars();
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .ignoring(ElementClickInterceptedException.class)
        .until(
            d -> {
              try {
                e.click();
                return true;
              } catch (ElementClickInterceptedException covered) {
                pressEscape();
                throw covered;
              }
            });
  }

  /** Types a date into a PrimeFaces date picker's field and leaves no calendar open. */
  void pickDate(String id, String date) {
    type(id + "_input", date);
    closeCalendars();
  }

  /** Closes any open date picker calendar (Escape) and waits until none is shown. */
  void closeCalendars() {
    if (calendarShown()) {
      pressEscape();
      wait.until(d -> !calendarShown());
    }
  }

  /** Whether a date picker's calendar is shown on the page. */
  boolean calendarShown() {
    return driver.findElements(By.cssSelector("div.ui-datepicker[role='dialog']")).stream()
        .anyMatch(WebElement::isDisplayed);
  }

  private void pressEscape() {
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
  }

  /** The element's text, found and read in one step, so that a render in between is retried. */
  String text(String id) {
    return wait.until(d -> d.findElement(By.id(id)).getText().strip());
  }

  WebElement waitFor(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  /** The text of every PrimeFaces messages box on the page. */
  String messages() {
    return driver.findElements(By.cssSelector(".ui-messages")).stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "\n" + b);
  }

  /** Waits until a message of any severity shows, and returns all messages. */
  String awaitMessages() {
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".ui-messages-info, .ui-messages-warn, .ui-messages-error")));
    return messages();
  }

  WebElement rowOf(String tableId, String text) {
    return wait.until(
        d ->
            d.findElement(By.id(tableId)).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  void screenshot(String name) {
    try {
      Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++shot, name));
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save screenshot " + name, e);
    }
  }
}
