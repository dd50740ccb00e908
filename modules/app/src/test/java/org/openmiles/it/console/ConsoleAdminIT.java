package org.openmiles.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's dashboard, user management and error pages in a real headless Chromium against the
 * real WAR: the charts show the miles issued, the members per tier and the top partners as the
 * modules count them; an admin creates a user who then logs in, and disables them; a supervisor is
 * refused user management; a typed link to a protected view and an expired view state lead to pages
 * that say what to do next; a user waiting after failed logins is shown in the airline's time zone,
 * and an admin clears the wait.
 */
@OnSharedServer
@SuppressWarnings("unchecked")
class ConsoleAdminIT {
  private static final ZoneId AIRLINE = ZoneId.of("Asia/Ho_Chi_Minh");

  @SharedServer.Url URL url;

  private Api api;
  private ConsoleBrowser browser;

  @BeforeEach
  void open(TestInfo info) throws IOException {
    api = new Api(url);
    browser = new ConsoleBrowser(url, info.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void close() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theFileMonitorShowsARefusedFileWithItsReasonAndFiltersByPartnerAndStatus() throws Exception {
    Path hotel = FileDrop.filesRoot().resolve("partners").resolve("DEMO_HOTEL");
    String u = Api.unique();
    String good = "monitor-ok-" + u + ".csv";
    String bad = "monitor-bad-" + u + ".csv";
    String member = api.enroll("Monitor");
    String night =
        "D,"
            + u
            + ","
            + member
            + ",Monitor,"
            + LocalDate.now().minusDays(1)
            + ",STAY_NIGHT,1,,IT\n";
    assertThat(FileDrop.drop(hotel, good, FileDrop.partnerHeader("DEMO_HOTEL") + night + "T,1,1\n"))
        .containsEntry("status", "PROCESSED");
    // the trailer counts two records where there is one: refused whole
    assertThat(FileDrop.drop(hotel, bad, FileDrop.partnerHeader("DEMO_HOTEL") + night + "T,2,1\n"))
        .containsEntry("status", "REJECTED");

    // a file still processing an hour after it came in, and one done without a record
    String stuck = "monitor-stuck-" + u + ".csv";
    String empty = "monitor-empty-" + u + ".csv";
    Db.update(
        "insert into accrual.inbound_file (partner_code, file_name, checksum, status, record_count,"
            + " received_at, completed_at) values"
            + " ('DEMO_HOTEL', ?, md5(?) || md5(?), 'PROCESSING', null, now() - interval '1 hour', null),"
            + " ('DEMO_HOTEL', ?, md5(?) || md5(?), 'DONE', 0, now(), now())",
        stuck,
        stuck,
        u,
        empty,
        empty,
        u);
    try {
      browser.login("supervisor", "supervisor-demo");
      browser.click("nav-files");
      assertThat(browser.rowOf("files", stuck).getText())
          .contains("Stuck", "Check that a server is up")
          .containsPattern("Still processing 6\\d minutes after it came in");
      assertThat(browser.rowOf("files", empty).getText())
          .contains("Empty", "no records: ask the partner");
      assertThat(browser.text("counts")).contains("Stuck: ", "Empty: ");
    } finally {
      Db.update("delete from accrual.inbound_file where file_name in (?, ?)", stuck, empty);
    }
    String refused = browser.rowOf("files", bad).getText();
    browser.screenshot("files");
    // the whole reason, not cut off by the column
    assertThat(refused)
        .contains(
            "Rejected", "CONTROL_COUNT_MISMATCH: the trailer says 2 records but the file has 1")
        .doesNotContain("REJECTED");
    assertThat(
            browser.script(
                "var r = document.querySelector('#files .om-reason'), td = r.closest('td');"
                    + " return r.getBoundingClientRect().right"
                    + " <= td.getBoundingClientRect().right + 1"))
        .as("the reason fits its column")
        .isEqualTo(Boolean.TRUE);
    assertThat(browser.rowOf("files", good).getText()).contains("Done", "DEMO_HOTEL");
    assertThat(browser.text("counts")).contains("Rejected: ", "Done: ", "Failed: ");

    // only the refused files of the hotel
    WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    choose("filter:partner", "DEMO_HOTEL");
    wait.until(d -> Boolean.TRUE.equals(browser.script("return PrimeFaces.ajax.Queue.isEmpty()")));
    choose("filter:status", "Rejected");
    // the table is rendered again by the filter's answer: read it whole, found afresh
    String shown =
        wait.ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  String t = d.findElement(By.id("files")).getText();
                  return t.contains(good) ? null : t;
                });
    assertThat(shown).contains(bad).doesNotContain(good).doesNotContain("Done");
  }

  @Test
  void theDashboardChartsMilesIssuedTiersAndTopPartners() throws Exception {
    browser.login("agent", "agent-demo");
    openDashboard();
    long issuedBefore = number(browser.text("issuedToday"));
    long hotelBefore = partnerMiles("DEMO_HOTEL");

    // 7,777 miles credited today, a member given Titanium, a hotel file crediting two nights
    String member = api.enroll("Dashboard");
    assertThat(
            api.post(
                    "members/" + member + "/postings",
                    """
                {"type":"CREDIT","miles":7777,"sourceReference":"dash:%s","description":"IT credit"}"""
                        .formatted(Api.unique()))
                .status())
        .isIn(200, 201);
    Api.Res override =
        api.post(
            "members/" + member + "/tier/overrides",
            """
            {"tier":"TITANIUM","reason":"dashboard test","expiresOn":"%s"}"""
                .formatted(LocalDate.now(AIRLINE).plusMonths(2)));
    assertThat(override.status()).as(override.toString()).isEqualTo(200);
    Path hotel = FileDrop.filesRoot().resolve("partners").resolve("DEMO_HOTEL");
    String u = Api.unique();
    Map<String, String> ack =
        FileDrop.drop(
            hotel,
            "dashboard-" + u + ".csv",
            "H,OPENMILES-PARTNER-ACTIVITY,1,DEMO_HOTEL,"
                + LocalDate.now()
                + ",IT\n"
                + "D,"
                + u
                + ","
                + member
                + ",Dashboard,"
                + LocalDate.now().minusDays(2)
                + ",STAY_NIGHT,2,,IT stay\n"
                + "T,1,2\n");
    long hotelMiles = Long.parseLong(ack.get("miles_issued"));
    assertThat(hotelMiles).as(ack.toString()).isPositive();

    openDashboard();
    browser.screenshot("dashboard");
    // miles per day: 30 bars, today's bar is the figure shown, and it grew by this test's credits
    long issuedToday = number(browser.text("issuedToday"));
    assertThat(issuedToday - issuedBefore).isEqualTo(7_777 + hotelMiles);
    List<?> perDay =
        (List<?>) browser.script("return PF('issuedChart').chart.data.datasets[0].data");
    assertThat(perDay).hasSize(30);
    assertThat(((Number) perDay.get(29)).longValue()).isEqualTo(issuedToday);

    // members per tier: every open member counted once, our member among the Titanium ones
    List<Object> tierLabels =
        (List<Object>) browser.script("return PF('tierChart').chart.data.labels");
    List<?> tierCounts =
        (List<?>) browser.script("return PF('tierChart').chart.data.datasets[0].data");
    assertThat(tierLabels).contains("Member", "Titanium", "Gold", "Platinum");
    assertThat(tierCounts.stream().mapToLong(n -> ((Number) n).longValue()).sum())
        .isEqualTo(Db.count("select count(*) from accounts.member where status <> 'CLOSED'"));
    assertThat(((Number) tierCounts.get(tierLabels.indexOf("Titanium"))).longValue())
        .isGreaterThanOrEqualTo(1);
    assertThat(browser.text("tierTable")).contains("Titanium");

    // top partners: the hotel's file is counted
    assertThat(partnerMiles("DEMO_HOTEL") - hotelBefore).isEqualTo(hotelMiles);
    List<Object> partnerLabels =
        (List<Object>) browser.script("return PF('partnerChart').chart.data.labels");
    assertThat(partnerLabels).contains("Demo Riverside Hotels");
    // the canvases were drawn
    Number width =
        (Number) browser.script("return document.getElementById('issuedChart_canvas').width");
    assertThat(width.intValue()).isPositive();
  }

  @Test
  void anAdminCreatesAUserWhoThenLogsInAndIsDisabledLater() {
    String user = "it." + Api.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
    browser.login("admin", "admin-demo");
    browser.click("nav-users");
    browser.waitFor("list:users");
    // the admin's own row offers neither disable nor a role change
    assertThat(
            browser
                .rowOf("list:users", "admin")
                .findElements(By.cssSelector("button[id$=':disable']")))
        .isEmpty();

    fillNewUser(user, "Lan Nguyen (IT)", "SUPERVISOR", "short1A");
    browser.click("create:submit");
    assertThat(browser.awaitMessages()).contains("at least 12 characters");
    assertThat(Db.count("select count(*) from console.console_user where username = ?", user))
        .isZero();
    browser.screenshot("weak-password-refused");

    fillNewUser(user, "Lan Nguyen (IT)", "SUPERVISOR", "Monsoon-Rice-Field-42");
    browser.click("create:submit");
    assertThat(browser.awaitMessages()).contains("User " + user + " created as Supervisor");
    assertThat(browser.text("list:users")).contains(user, "Lan Nguyen (IT)");
    browser.screenshot("user-created");
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where action = 'USER_CREATED'"
                    + " and actor = 'admin' and target = ?",
                "user " + user))
        .isEqualTo(1);
    browser.logout();

    browser.login(user, "Monsoon-Rice-Field-42");
    assertThat(browser.text("whoami")).contains("Lan Nguyen (IT)", "Supervisor");
    assertThat(browser.driver.findElements(By.id("nav-approvals"))).isNotEmpty();
    assertThat(browser.driver.findElements(By.id("nav-users"))).isEmpty();
    browser.screenshot("new-user-logged-in");
    browser.logout();

    browser.login("admin", "admin-demo");
    browser.click("nav-users");
    browser.rowOf("list:users", user).findElement(By.cssSelector("button[id$=':disable']")).click();
    assertThat(browser.awaitMessages()).contains(user + " is disabled");
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where action = 'USER_DISABLED'"
                    + " and target = ?",
                "user " + user))
        .isEqualTo(1);
    browser.logout();
    browser.open("console/login.xhtml");
    browser.submitLogin(user, "Monsoon-Rice-Field-42");
    assertThat(browser.awaitMessages()).contains("Wrong user name or password");
    assertThat(browser.driver.getCurrentUrl()).contains("login.xhtml");
  }

  @Test
  void aSupervisorMayNotManageUsers() {
    browser.login("supervisor", "supervisor-demo");
    assertThat(browser.driver.findElements(By.id("nav-users"))).isEmpty();
    browser.open("console/users.xhtml");
    browser.waitFor("denied");
    assertThat(browser.driver.getPageSource()).contains("ask an admin");
    assertThat(browser.driver.findElements(By.id("create:submit"))).isEmpty();
    browser.screenshot("users-denied");
  }

  @Test
  void aTypedLinkToAProtectedPageAndAnExpiredPageSayWhatToDoNext() {
    browser.login("agent", "agent-demo");
    // claims review is a protected view: a typed address carries no token
    browser.open("console/claims.xhtml");
    browser.waitFor("protectedLink");
    assertThat(browser.driver.getCurrentUrl()).contains("expired.xhtml?reason=link");
    assertThat(browser.text("protectedLink")).contains("Open this page from the console's menu");
    browser.screenshot("protected-view");
    // the menu's own link still works
    browser.click("again");
    browser.click("nav-claims");
    browser.wait.until(ExpectedConditions.urlContains("claims.xhtml"));
    assertThat(browser.driver.findElements(By.id("protectedLink"))).isEmpty();

    // a form whose view state the server no longer knows (expired, evicted)
    browser.open("console/index.xhtml");
    browser.type("search:query", "nguyen");
    browser.script(
        "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\")"
            + ".forEach(function (e) { e.value = 'gone:0'; })");
    browser.click("search:go");
    browser.waitFor("expiredView");
    assertThat(browser.driver.getCurrentUrl()).contains("expired.xhtml?reason=expired");
    assertThat(browser.driver.getPageSource()).contains("nothing was changed");
    browser.screenshot("expired-view");
  }

  @Test
  void anAdminSeesAUserWaitingAfterFailedLoginsInTheAirlinesTimeZoneAndClearsTheWait() {
    String user = "tz" + Api.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
    Db.update(
        "insert into console.console_user (username, display_name, password_hash, roles)"
            + " select ?, 'Zone test', password_hash, 'AGENT' from console.console_user"
            + " where username = 'agent'",
        user);
    try {
      browser.open("console/login.xhtml");
      for (int i = 1; i <= 5; i++) {
        browser.submitLoginAndWaitForThePage(user, "wrong-" + i);
      }
      assertThat(browser.messages()).contains("Too many attempts, try again in");

      browser.login("admin", "admin-demo");
      browser.click("nav-users");
      String row = browser.rowOf("list:users", user).getText();
      assertThat(row).containsPattern("5 failed login\\(s\\), next try after \\d\\d:\\d\\d");
      assertThat(row).contains("(Asia/Ho_Chi_Minh, UTC+07:00)");
      browser.screenshot("waiting-with-zone");
      browser
          .rowOf("list:users", user)
          .findElement(By.cssSelector("button[id$=':unlock']"))
          .click();
      assertThat(browser.awaitMessages()).contains(user + "'s failed logins are cleared");
      assertThat(
              Db.count(
                  "select count(*) from console.login_throttle where key = ?", "account:" + user))
          .isZero();
      assertThat(
              Db.count(
                  "select count(*) from console.audit_entry where action = 'USER_UNLOCKED'"
                      + " and actor = 'admin' and target = ?",
                  "user " + user))
          .isEqualTo(1);
      browser.logout();
      // the user logs in at once
      browser.login(user, "agent-demo");
      assertThat(browser.text("whoami")).contains("Zone test");
    } finally {
      // the failures from the browser's address must not slow the other tests' logins
      Db.update("delete from console.login_throttle where key like 'address:%'");
    }
  }

  // --- steps

  @Test
  void aProgramManagerProposesWithLiveChecksAndAnotherPersonApprovesIt() {
    // far ahead: a version no file or review of any test reaches
    LocalDate from = LocalDate.now().plusDays(20_000 + (System.nanoTime() % 10_000));
    browser.login("programs", "programs-demo");
    assertThat(browser.text("whoami")).contains("Program manager");
    browser.click("nav-program");
    // the partner earn rule: not the first kind listed since the flight kinds sort before it
    choose("propose:kind", "Partner earn rule");
    browser.wait.until(
        d -> !d.findElements(By.xpath("//input[contains(@class,'field-perQuantity')]")).isEmpty());
    browser.type("propose:key", "DEMO_CAR:RENTAL_DAY");
    browser.type("propose:from", from.toString());
    WebElement miles =
        browser
            .waitFor("formSide")
            .findElement(By.xpath("//input[contains(@class,'field-miles')]"));
    miles.sendKeys("0");
    // checked as it is typed, nothing submitted: the field's problem beside the version in force
    browser.wait.until(d -> d.findElement(By.id("formSide")).getText().contains("whole number"));
    assertThat(
            Db.count(
                "select count(*) from program.change_request where proposed_by = 'programs'"
                    + " and effective_from = ?::date",
                from.toString()))
        .isZero();
    miles.clear();
    miles.sendKeys("450");
    browser
        .driver
        .findElement(By.xpath("//input[contains(@class,'field-perQuantity')]"))
        .sendKeys("1");
    browser.type("propose:reason", "IT: rentals earn more from " + from);
    browser.waitFor("propose:formValid");
    assertThat(browser.text("formSide")).contains("miles", "450");
    browser.screenshot("program-change-checked");
    browser.click("propose:submit");
    assertThat(browser.awaitMessages()).contains("proposed", "DEMO_CAR:RENTAL_DAY");
    long id =
        Db.count(
            "select max(id) from program.change_request where proposed_by = 'programs'"
                + " and effective_from = ?::date",
            from.toString());
    // the proposer cannot decide it: no approve button, only withdraw
    WebElement mine = browser.rowOf("queue:pending", from.toString());
    assertThat(mine.findElements(By.cssSelector("button[id$=':approve']"))).isEmpty();
    assertThat(mine.findElements(By.cssSelector("button[id$=':withdraw']"))).hasSize(1);
    browser.logout();

    browser.login("approver", "approver-demo");
    browser.click("nav-program");
    assertThat(browser.driver.findElements(By.id("propose:submit")))
        .as("an approver does not propose")
        .isEmpty();
    WebElement row = browser.rowOf("queue:pending", from.toString());
    assertThat(row.getText()).contains("450", "programs");
    browser.screenshot("program-change-queue");
    browser.click(row.findElement(By.cssSelector("button[id$=':approve']")).getAttribute("id"));
    assertThat(browser.awaitMessages()).contains("Change " + id, "applied");
    assertThat(
            Db.count(
                "select count(*) from accrual.partner_earn_rule where partner_code = 'DEMO_CAR'"
                    + " and effective_from = ?::date and miles = 450 and change_id = ?",
                from.toString(),
                id))
        .isEqualTo(1);
    assertThat(browser.text("decided")).contains(Long.toString(id), "Applied");
  }

  private void openDashboard() {
    browser.open("console/dashboard.xhtml");
    browser.waitFor("issuedToday");
    browser.wait.until(
        d ->
            Boolean.TRUE.equals(
                browser.script("return !!(PF('issuedChart') && PF('issuedChart').chart)")));
  }

  /**
   * Opens the select menu {@code id} and clicks the option whose label starts with {@code label}.
   */
  private void choose(String id, String label) {
    browser.click(id);
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='" + id + "_panel'] li[data-label^='" + label + "']")))
        .click();
  }

  /** The miles of a partner in the dashboard's partner table, 0 when it is not listed. */
  private long partnerMiles(String code) {
    var tables = browser.driver.findElements(By.id("partnerTable"));
    if (tables.isEmpty()) {
      return 0;
    }
    return tables.get(0).findElements(By.cssSelector("tbody tr")).stream()
        .filter(r -> r.getText().contains("(" + code + ")"))
        .map(r -> r.findElements(By.tagName("td")).get(1).getText())
        .mapToLong(ConsoleAdminIT::number)
        .findFirst()
        .orElse(0);
  }

  private void fillNewUser(String user, String name, String role, String password) {
    browser.type("create:username", user);
    browser.type("create:displayName", name);
    new Select(browser.waitFor("create:role")).selectByValue(role);
    browser.type("create:password", password);
  }

  private static long number(String text) {
    return Long.parseLong(text.replaceAll("[^0-9-]", ""));
  }
}
