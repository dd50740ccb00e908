package org.openmiles.it.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The call-center console in a real headless Chromium (Debian's chromium + chromium-driver, driven
 * by Selenium without any download), against the real WAR on Payara Micro and PostgreSQL: login and
 * logout, the wait after failed logins (the same for unknown names), security headers, search,
 * member 360, adjustments under and above the agent's limit with a supervisor's approval, denied
 * actions, the audit log, award price, booking (once, however often it is sent) and cancellation,
 * and the merge of duplicate members. Every test makes its own members and saves screenshots under
 * {@code target/screenshots/}.
 */
@OnSharedServer
class ConsoleIT {

  @SharedServer.Url URL url;

  private Api api;
  private ConsoleBrowser b;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void browser(TestInfo info) throws IOException {
    api = new Api(url);
    b = new ConsoleBrowser(url, info.getTestMethod().orElseThrow().getName());
    browser = b.driver;
    wait = b.wait;
  }

  @AfterEach
  void close() throws IOException {
    if (b != null) {
      b.close();
    }
  }

  // --- tests

  @Test
  void loginShowsTheConsoleAndLogoutEndsTheSession() {
    open("console/index.xhtml");
    assertThat(browser.getCurrentUrl()).contains("/console/login.xhtml");
    screenshot("login-page");
    login("agent", "agent-demo");
    assertThat(text("whoami")).contains("Agent");
    String sessionAfterLogin = browser.manage().getCookieNamed("JSESSIONID").getValue();
    screenshot("search-page");

    click("userbar:logout");
    wait.until(ExpectedConditions.urlContains("loggedOut"));
    assertThat(text("loggedOut")).contains("logged out");
    screenshot("logged-out");

    // the old session is gone: the console asks for a login again
    open("console/index.xhtml");
    assertThat(browser.getCurrentUrl()).contains("/console/login.xhtml");
    var cookie = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(cookie == null ? null : cookie.getValue()).isNotEqualTo(sessionAfterLogin);
  }

  @Test
  void theSessionIdChangesAtLogin() {
    open("console/login.xhtml");
    String before = browser.manage().getCookieNamed("JSESSIONID").getValue();
    login("agent", "agent-demo");
    assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(before);
  }

  @Test
  void repeatedWrongPasswordsMakeTheNextTryWaitAndUnknownNamesGetTheSameAnswers() {
    String user = "slow" + Api.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
    String nobody = "nobody" + Api.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
    // a user of our own, with agent's password hash (agent-demo), so no shared user waits
    Db.update(
        "insert into console.console_user (username, display_name, password_hash, roles)"
            + " select ?, 'Throttle test', password_hash, 'AGENT' from console.console_user"
            + " where username = 'agent'",
        user);
    try {
      open("console/login.xhtml");
      List<String> userAnswers = wrongPasswords(user);
      List<String> nobodyAnswers = wrongPasswords(nobody);
      // four free failures, then "wait": word for word the same for a name that is no user
      assertThat(nobodyAnswers).isEqualTo(userAnswers);
      assertThat(userAnswers.get(0))
          .contains("Wrong user name or password")
          .doesNotContain("Too many attempts");
      // the test server waits an hour after the free failures (arquillian.xml)
      assertThat(userAnswers.get(4))
          .contains("Wrong user name or password. Too many attempts, try again in 3600 s.");
      screenshot("waiting");

      // even the right password is refused while the name waits, without being checked
      submitLoginAndWaitForThePage(user, "agent-demo");
      assertThat(messages()).contains("Too many attempts, try again in").doesNotContain("Wrong");
      assertThat(browser.getCurrentUrl()).contains("login.xhtml");
      screenshot("refused-while-waiting");
      // stored for the whole cluster: five failures, the next try an hour after the last
      for (String name : List.of(user, nobody)) {
        assertThat(
                Db.count(
                    "select count(*) from console.login_throttle where key = ? and failures = 5"
                        + " and next_allowed_at = last_failure_at + interval '3600 seconds'",
                    "account:" + name))
            .as(name)
            .isEqualTo(1);
      }
      assertThat(
              Db.count(
                  "select count(*) from console.audit_entry where actor = ? and action = ?",
                  user,
                  "LOGIN_THROTTLED"))
          .isEqualTo(1);
      assertThat(
              Db.count(
                  "select count(*) from console.audit_entry where actor = ? and action = 'LOGIN'",
                  user))
          .isZero();

      // an address that failed too often waits for every name, a real one with its password too
      String address =
          Db.text(
              "select reason from console.audit_entry where actor = ? and action = 'LOGIN_FAILED'"
                  + " order by id desc limit 1",
              user);
      Db.update(
          "update console.login_throttle set failures = 40, next_allowed_at = now() + interval"
              + " '1 hour' where key = ?",
          "address:" + address);
      submitLoginAndWaitForThePage("agent", "agent-demo");
      assertThat(messages()).contains("Too many attempts, try again in");
    } finally {
      forgetAddressFailures();
    }
  }

  @Test
  void searchByNameFindsTheMemberAndMember360ShowsMilesTierAndStatement() {
    String number = enroll("Search", 12_000);
    login("agent", "agent-demo");
    type("search:query", lastName(number));
    click("search:go");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(number)));
    screenshot("search-results");
    // agents see contact data masked
    assertThat(browser.findElement(By.id("search:results")).getText()).contains("*");

    browser.findElement(By.linkText(number)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
    assertThat(text("balance")).isEqualTo("12,000");
    assertThat(text("available")).isEqualTo("12,000");
    assertThat(text("tierName")).isNotBlank();
    assertThat(browser.findElement(By.id("tabs:statement:entries")).getText()).contains("Welcome");
    assertThat(text("email")).contains("*");
    screenshot("member-360");

    // revealing the contact data needs a reason and is audited
    type("reveal:revealReason", "member asked to confirm email on file");
    click("reveal:revealGo");
    // the masked address ends in @example.org too: wait for the page the click brings
    wait.until(d -> !text("email").contains("*"));
    assertThat(text("email")).endsWith("@example.org");
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where member = ? and action = 'PII_REVEALED'",
                number))
        .isEqualTo(1);
  }

  @Test
  void anAdjustmentWithinTheAgentsLimitIsPostedAtOnce() {
    String number = enroll("Small", 1_000);
    login("agent", "agent-demo");
    openMember(number);
    adjust(2_500, "delayed baggage on VN 213");
    assertThat(messages()).contains("posted");
    assertThat(text("balance")).isEqualTo("3,500");
    screenshot("adjustment-posted");
    assertThat(balance(number)).isEqualTo(3_500);
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where member = ? and action = 'ADJUSTMENT_POSTED' and actor = 'agent'",
                number))
        .isEqualTo(1);
  }

  @Test
  void anAdjustmentAboveTheLimitWaitsForASupervisorAndIsPostedOnceApproved() {
    String number = enroll("Large", 1_000);
    login("agent", "agent-demo");
    openMember(number);
    adjust(20_000, "missed connection, status customer");
    assertThat(messages()).contains("waiting for a supervisor");
    assertThat(text("balance")).isEqualTo("1,000");
    screenshot("adjustment-waiting");
    assertThat(balance(number)).isEqualTo(1_000);
    logout();

    login("supervisor", "supervisor-demo");
    click("nav-approvals");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approvals:pending")));
    WebElement row = rowOf("approvals:pending", number);
    screenshot("approvals-queue");
    row.findElement(By.cssSelector("button[id$=':approve']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "approved"));
    screenshot("approved");
    assertThat(balance(number)).isEqualTo(21_000);
    assertThat(browser.findElement(By.id("approvals:pending")).getText()).doesNotContain(number);

    // approving again (a second tab, a retry) posts nothing more
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry e join accounts.member m on m.id = e.member_id"
                    + " where m.member_number = ? and e.source_ref like 'console-adj:%'",
                number))
        .isEqualTo(1);
  }

  @Test
  void aSupervisorSeesHowConcentratedRevenueIsAndMember360ShowsTheMembersActivity()
      throws Exception {
    String number = enroll("Spender", 100);
    String day = java.time.LocalDate.now().minusDays(3).toString();
    // 5,000,000 VND on the co-brand card: 197.00 USD at the demo rate 0.0000394
    java.util.Map<String, String> ack =
        FileDrop.drop(
            FileDrop.partnerFolder("DEMO_BANK"),
            "console-bank-" + Api.unique() + ".csv",
            FileDrop.partnerHeader("DEMO_BANK")
                + FileDrop.partnerRecord(
                    "C" + Api.unique(),
                    number,
                    lastName(number),
                    day,
                    "SPEND",
                    5_000_000,
                    "VND",
                    "card")
                + "T,1,5000000\n");
    assertThat(ack.toString()).contains("status=PROCESSED", "rejected=0");

    login("supervisor", "supervisor-demo");
    click("nav-retention");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("topShare")));
    assertThat(text("topShare")).matches("\\d{1,3}\\.\\d%");
    assertThat(Long.parseLong(text("activeMembers").replace(",", ""))).isPositive();
    assertThat(browser.findElements(By.id("concentrationChart"))).isNotEmpty();
    assertThat(text("concentrationTable")).contains("Top", "2.5%", "Share");
    screenshot("retention-dashboard");

    openMember(number);
    assertThat(text("activityDays")).isEqualTo("1 day, " + day + " – " + day);
    assertThat(text("factRevenue")).isEqualTo("197.00 USD");
    assertThat(text("factPartners")).contains("1", "Bank 1");
    assertThat(text("consents")).contains("none given");
    screenshot("member-activity");

    // a scoring run started with the page's button (audited) gives the member a segment and a
    // P(alive), on member 360 and on the page
    Api ops = api.as("it-ops", "operations");
    click("nav-retention");
    click("scoringForm:startScoring");
    String started = b.awaitMessages();
    assertThat(started).as("the page's message").contains("Scoring run", "started");
    long runId = Long.parseLong(started.replaceAll("(?s).*Scoring run (\\d+) started.*", "$1"));
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where actor = 'supervisor'"
                    + " and action = 'SCORING_RUN_STARTED' and target = 'scoring run "
                    + runId
                    + "'"))
        .isEqualTo(1);
    String state = "RUNNING";
    for (int i = 0; i < 600 && "RUNNING".equals(state); i++) {
      Thread.sleep(200);
      state = ops.get("retention/runs/" + runId).str("state");
    }
    assertThat(state).isEqualTo("DONE");
    openMember(number);
    assertThat(text("segment")).isNotBlank();
    assertThat(text("pAlive")).matches("\\d{1,3}%");
    click("nav-retention");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("segmentTable")));
    assertThat(text("segmentTable")).contains("Segment", "Members");
    assertThat(text("lastRun")).contains("Done");
    screenshot("retention-scored");
    // a campaign run started with the page's button shows with its campaigns and their files
    click("campaignForm:startCampaigns");
    assertThat(b.awaitMessages()).contains("Campaign run").containsAnyOf("started", "running");
    String campaignState = "RUNNING";
    for (int i = 0; i < 300 && "RUNNING".equals(campaignState); i++) {
      Thread.sleep(200);
      campaignState =
          ops.get("retention/campaigns/runs?limit=1").array().getJsonObject(0).getString("state");
    }
    click("nav-retention");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaignTable")));
    assertThat(text("campaignTable")).contains("Campaign", "Welcome", "Win back");
    assertThat(text("lastCampaignRun")).contains("consented");
    // the churn-risk list downloads as CSV, and the download is audited
    long exportsBefore =
        Db.count(
            "select count(*) from console.audit_entry where actor = 'supervisor'"
                + " and action = 'CHURN_RISK_EXPORTED'");
    Object csv =
        b.script(
            "return fetch('retention/churn-risk.csv').then(function (r) { return r.text(); })");
    assertThat((String) csv)
        .startsWith("member,segment,tier,p_alive,clv,days_since_activity,reasons");
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where actor = 'supervisor'"
                    + " and action = 'CHURN_RISK_EXPORTED'"))
        .isEqualTo(exportsBefore + 1);

    logout();
    login("agent", "agent-demo");
    assertThat(browser.findElements(By.id("nav-retention"))).isEmpty();
    open("console/retention.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("denied")));
  }

  @Test
  void anAgentMayNeitherApproveNorOverrideATierNorMergeMembers() {
    String number = enroll("Denied", 500);
    login("agent", "agent-demo");
    assertThat(browser.findElements(By.id("nav-approvals"))).isEmpty();
    assertThat(browser.findElements(By.id("nav-merge"))).isEmpty();
    long deniedBefore = deniedToAgent("GET /console/approvals.xhtml");
    open("console/approvals.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("denied")));
    screenshot("approvals-denied");
    long mergeDeniedBefore = deniedToAgent("GET /console/merge.xhtml");
    open("console/merge.xhtml?survivor=" + number);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("denied")));
    assertThat(browser.findElements(By.id("merge:confirm"))).isEmpty();
    screenshot("merge-denied");
    // a form posted to an admin page is refused the same way
    long postDeniedBefore = deniedToAgent("POST /console/users.xhtml");
    Object status =
        b.script(
            "return fetch('users.xhtml', {method: 'POST', body: new URLSearchParams("
                + "{'create:username': 'intruder'})}).then(function (r) { return r.status; })");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    // each refusal left an audit entry naming the agent and what was asked for
    assertThat(deniedToAgent("GET /console/approvals.xhtml")).isEqualTo(deniedBefore + 1);
    assertThat(deniedToAgent("GET /console/merge.xhtml")).isEqualTo(mergeDeniedBefore + 1);
    assertThat(deniedToAgent("POST /console/users.xhtml")).isEqualTo(postDeniedBefore + 1);
    openMember(number);
    assertThat(browser.findElements(By.id("override:submit"))).isEmpty();
    assertThat(browser.findElements(By.id("mergeInto"))).isEmpty();
  }

  @Test
  void anAgentSeesBeforeBookingThatTheMemberCannotAffordTheAwardAndTheConsoleFitsATablet() {
    String number = enroll("Short", 1_000);
    String date = java.time.LocalDate.now().plusDays(60).toString();
    long price = hanSgnEconomy(date);
    assertThat(price).isGreaterThan(1_000);
    login("agent", "agent-demo");
    // a tablet held upright: the top bar wraps, Log out stays on the screen
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
    open("console/awards.xhtml?number=" + number);
    type("price:origin", "HAN");
    type("price:destination", "SGN");
    type("price:outbound_input", date);
    // Enter in the form prices the award, as the button does
    browser.findElement(By.id("price:destination")).sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(shownMiles("quoteMiles")).isEqualTo(price);
    assertThat(text("cannotAfford"))
        .contains("1,000 miles available")
        .contains(String.format(java.util.Locale.ENGLISH, "%,d short", price - 1_000));
    assertThat(browser.findElement(By.id("book:submit")).isEnabled()).isFalse();
    assertThat(messages())
        .contains(String.format(java.util.Locale.ENGLISH, "Award price: %,d miles", price))
        .contains("short")
        .doesNotContain("Choose who travels");
    var logout = browser.findElement(By.id("userbar:logout"));
    assertThat(logout.getRect().getX() + logout.getRect().getWidth())
        .as("Log out within the 820-pixel window")
        .isLessThanOrEqualTo(820);
    screenshot("cannot-afford-tablet");
    // member 360 at the same width: nothing wider than the window, Log out still on the screen
    openMember(number);
    assertThat(
            ((Number) b.script("return document.documentElement.scrollWidth - window.innerWidth"))
                .intValue())
        .as("member 360 scrolls sideways by this many pixels")
        .isLessThanOrEqualTo(0);
    var logoutOnMember = browser.findElement(By.id("userbar:logout"));
    assertThat(logoutOnMember.getRect().getX() + logoutOnMember.getRect().getWidth())
        .isLessThanOrEqualTo(820);
    // tiers by name, not by code
    assertThat(text("tierNext")).contains("To Titanium:").doesNotContain("TITANIUM");
    screenshot("member-360-tablet");
    assertThat(balance(number)).isEqualTo(1_000);
  }

  @Test
  void anAgentPricesAnAwardBooksItOnceAndCancelsItAfterSeeingTheFee() {
    String number = enroll("Award", 50_000);
    String date = java.time.LocalDate.now().plusDays(60).toString();
    long price = hanSgnEconomy(date);
    login("agent", "agent-demo");
    openMember(number);
    open("console/awards.xhtml?number=" + number);
    type("price:origin", "HAN");
    type("price:destination", "SGN");
    // an agent types the date: no calendar opens over the form; its icon opens one, Escape closes
    // it
    type("price:outbound_input", date);
    assertThat(b.calendarShown()).as("a calendar opened while typing a date").isFalse();
    browser.findElement(By.cssSelector("[id='price:outbound'] .ui-datepicker-trigger")).click();
    wait.until(d -> b.calendarShown());
    new org.openqa.selenium.interactions.Actions(browser)
        .sendKeys(org.openqa.selenium.Keys.ESCAPE)
        .perform();
    wait.until(d -> !b.calendarShown());
    assertThat(browser.findElement(By.id("price:outbound_input")).getAttribute("value"))
        .isEqualTo(date);
    click("price:go");
    assertThat(shownMiles("quoteMiles")).isEqualTo(price);
    assertThat(messages()).contains("Award price", "Choose who travels");
    screenshot("award-priced");

    click("book:submit");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "booked"));
    assertThat(messages()).contains("taken", "Give the member the reference");
    assertThat(balance(number)).isEqualTo(50_000 - price);
    screenshot("award-booked");
    // the same booking sent again (a double click, a resubmitted form) books nothing more
    click("book:submit");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Already booked"));
    assertThat(balance(number)).isEqualTo(50_000 - price);
    Res list = api.get("members/" + number + "/awards");
    assertThat(list.array()).hasSize(1);
    String reference = list.array().getJsonObject(0).getString("reference");
    assertThat(browser.findElement(By.id("list:awards")).getText()).contains(reference, "Issued");

    // cancelling shows the fee and the miles back first; nothing changes until confirmed
    WebElement row = rowOf("list:awards", reference);
    row.findElement(By.cssSelector("button[id$=':cancel']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cancelFee")));
    assertThat(text("cancelFee")).isEqualTo("1,500 miles");
    assertThat(text("cancelRedeposit"))
        .isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d miles", price - 1_500));
    assertThat(balance(number)).isEqualTo(50_000 - price);
    screenshot("award-cancel-quote");
    type("cancel:reason", "member changed travel plans");
    click("cancel:confirm");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "cancelled"));
    assertThat(messages())
        .contains(
            String.format(java.util.Locale.ENGLISH, "%,d miles redeposited", price - 1_500),
            "fee was 1,500");
    assertThat(balance(number)).isEqualTo(50_000 - 1_500);
    assertThat(browser.findElement(By.id("list:awards")).getText()).contains("Cancelled");
    screenshot("award-cancelled");

    // an upgrade award on the member's paid ticket, for a Titanium member
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since, valid_until)"
            + " values (?, 'TITANIUM', current_date - 1, current_date + 365)",
        number);
    long upgrade =
        api.get(
                "awards/upgrade-price?member="
                    + number
                    + "&origin=HAN&destination=SGN&carrier=VN&bookingClass=Y&from=ECONOMY"
                    + "&to=BUSINESS&date="
                    + date)
            .num("totalMiles");
    type("upgrade:upOrigin", "HAN");
    type("upgrade:upDestination", "SGN");
    type("upgrade:bookingClass", "Y");
    pickDate("upgrade:upDate", date);
    click("upgrade:go");
    assertThat(shownMiles("upgradeMiles")).isEqualTo(upgrade);
    click("upgrade:submit");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "booked"));
    assertThat(balance(number)).isEqualTo(50_000 - 1_500 - upgrade);
    assertThat(browser.findElement(By.id("list:awards")).getText()).contains("Upgrade HAN-SGN");
    screenshot("upgrade-booked");

    // member 360 lists the awards; the audit log has each booking once and the cancellation
    openMember(number);
    browser.findElement(By.partialLinkText("Awards (")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:awards"), reference));
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where member = ?"
                    + " and action = 'AWARD_BOOKED' and actor = 'agent'",
                number))
        .isEqualTo(2);
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where member = ?"
                    + " and action = 'AWARD_CANCELLED' and actor = 'agent'",
                number))
        .isEqualTo(1);
  }

  @Test
  void aSupervisorMergesADuplicateAndSearchingForItLeadsToTheSurvivor() {
    String survivor = enroll("Stays", 5_000);
    String duplicate = enroll("Twice", 3_000);
    login("supervisor", "supervisor-demo");
    click("nav-merge");
    type("merge:survivor", survivor);
    type("merge:duplicate", duplicate);
    click("merge:compare");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merge:sideBySide")));
    assertThat(text("survivorBalance")).isEqualTo("5,000");
    assertThat(text("duplicateBalance")).isEqualTo("3,000");
    assertThat(browser.findElement(By.id("merge:sideBySide")).getText())
        .contains(lastName(survivor), lastName(duplicate));
    screenshot("merge-side-by-side");
    assertThat(balance(duplicate)).isEqualTo(3_000);

    type("merge:reason", "same person enrolled twice");
    click("merge:confirm");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Merged"));
    assertThat(messages()).contains("3,000 miles moved", "searching for it opens " + survivor);
    screenshot("merged");
    assertThat(balance(survivor)).isEqualTo(8_000);
    assertThat(balance(duplicate)).isZero();
    Res dup = api.get("members/" + duplicate);
    assertThat(dup.str("status")).isEqualTo("CLOSED");
    assertThat(dup.str("mergedInto")).isEqualTo(survivor);

    // the duplicate's number opens the survivor
    click("nav-search");
    type("search:query", duplicate);
    click("search:go");
    wait.until(ExpectedConditions.urlContains("number=" + survivor));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
    assertThat(text("balance")).isEqualTo("8,000");
    assertThat(messages()).contains("was merged into this member");
    screenshot("search-leads-to-survivor");

    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where actor = 'supervisor' and ("
                    + "(member = ? and action = 'MEMBER_MERGED' and before_state like 'balance 5000%'"
                    + " and after_state like 'balance 8000%')"
                    + " or (member = ? and action = 'MEMBER_MERGED_AWAY'))",
                survivor, duplicate))
        .isEqualTo(2);
  }

  @Test
  void anAgentFilesAClaimThatNeedsAReviewAndAnotherAgentCreditsItFromTheQueue() throws Exception {
    String number = enroll("Claim", 1_000);
    String ticket = FileDrop.ticket();
    String day = java.time.LocalDate.now().minusDays(2).toString();
    // the airline's flown data has the coupon under another last name: an agent must decide
    FileDrop.drop(
        FileDrop.filesRoot().resolve("airline").resolve("flown"),
        "console-claim-" + Api.unique() + ".csv",
        FileDrop.flownFile(
            FileDrop.flownCoupon(
                ticket, 1, 'F', "", "Maiden", "213", day, "HAN-SGN", "J", "100.00")));
    // the reservation system had the member confirmed on the flight: evidence in the queue
    String pnr = "C" + ticket.substring(8);
    FileDrop.drop(
        FileDrop.filesRoot().resolve("airline").resolve("bookings"),
        "console-booking-" + Api.unique() + ".csv",
        "H,OPENMILES-BOOKINGS,1,VN,"
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            + ","
            + Api.unique()
            + "\nD,"
            + String.join(
                ",", pnr, "1", "Claim", "An", number, ticket, "1", "VN", "213", day, "HAN", "SGN",
                "J", "HK")
            + "\nT,1,213\n");

    login("agent", "agent-demo");
    openMember(number);
    type("claim:ticket", ticket);
    type("claim:coupon", "1");
    type("claim:carrier", "VN");
    type("claim:flight", "213");
    pickDate("claim:date", day);
    type("claim:origin", "HAN");
    type("claim:destination", "SGN");
    type("claim:class", "J");
    // typing a date opened no calendar; the calendar's button does, and Escape closes it again
    assertThat(b.calendarShown()).isFalse();
    WebElement calendarButton =
        browser.findElement(By.cssSelector("[id='claim:date'] button.ui-datepicker-trigger"));
    b.script("arguments[0].scrollIntoView({block: 'center'});", calendarButton);
    calendarButton.click();
    wait.until(d -> b.calendarShown());
    new org.openqa.selenium.interactions.Actions(browser)
        .sendKeys(org.openqa.selenium.Keys.ESCAPE)
        .perform();
    wait.until(d -> !b.calendarShown());
    // Enter in the form files the claim, as the button does
    browser.findElement(By.id("claim:class")).sendKeys(org.openqa.selenium.Keys.ENTER);
    String filed = b.awaitMessages();
    assertThat(filed).contains("needs a review").contains("Open Claims review");
    screenshot("claim-needs-review");
    assertThat(balance(number)).isEqualTo(1_000);
    logout();

    login("agent2", "agent2-demo");
    // a decision page is a protected view: it opens from the menu, not from a typed address
    click("nav-claims");
    WebElement row = rowOf("claims:queue", ticket);
    assertThat(row.getText()).contains(number).contains("HAN-SGN");
    assertThat(row.getText()).contains("Confirmed booking").contains(pnr + " pax 1 seg 1");
    screenshot("claims-queue");
    type("claims:note", "member showed the boarding pass; maiden name on the ticket");
    rowOf("claims:queue", ticket).findElement(By.cssSelector("button[id$=':approve']")).click();
    String credited = b.awaitMessages();
    assertThat(credited).contains("credited");
    screenshot("claim-credited");
    long miles = balance(number) - 1_000;
    assertThat(miles).isPositive();
    assertThat(credited)
        .contains(String.format(java.util.Locale.ENGLISH, "credited: %,d miles", miles));
    // once: the claim left the queue, and both steps are in the audit log
    assertThat(browser.findElement(By.id("claims:queue")).getText()).doesNotContain(ticket);
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where member = ?"
                    + " and action in ('CLAIM_FILED', 'CLAIM_APPROVED')",
                number))
        .isEqualTo(2);
  }

  @Test
  void aSearchThatMatchesMoreThanItShowsSaysOfHowManyAndHowToNarrowIt() throws SQLException {
    String name = "Many" + letters(Api.unique());
    for (int i = 0; i < 51; i++) {
      api.enroll(name);
    }
    // and 1,000 more whose last names start with it, written straight to the tables (51 + 1,000)
    namesakes(name + "z", 1_000);
    login("agent", "agent-demo");
    type("search:query", name);
    click("search:go");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resultsSummary")));
    assertThat(text("resultsSummary"))
        .startsWith("Showing the first 50 of 1,051 members by name")
        .contains("narrow the search", "add the first name");
    assertThat(browser.findElements(By.cssSelector("[id='search:results'] tbody tr"))).hasSize(50);
    // the born, tier and balance columns tell namesakes apart
    assertThat(browser.findElement(By.id("search:results")).getText()).contains("1985-03-04");
    String firstRow = "[id='search:results'] tbody tr:first-child td:nth-child(%d)";
    assertThat(browser.findElement(By.cssSelector(firstRow.formatted(4))).getText())
        .isEqualTo("Member");
    assertThat(browser.findElement(By.cssSelector(firstRow.formatted(5))).getText())
        .matches("\\d[\\d,]*");
    screenshot("search-first-50-of-n");
  }

  @Test
  void anAgentIsOfferedOnlyTheStatusesTheyMaySetAndMustChooseOne() {
    String number = enroll("Status", 100);
    login("agent", "agent-demo");
    openMember(number);
    assertThat(
            browser.findElements(By.cssSelector("[id='status:target_input'] option")).stream()
                .map(o -> o.getAttribute("textContent").strip()))
        .as("no status pre-selected, and closing is for supervisors")
        .containsExactly("Choose a status", "Suspended");
    type("status:statusReason", "IT: lost card reported");
    click("status:submit");
    assertThat(b.awaitMessages()).contains("Choose the status to change to.");
    assertThat(text("memberStatus")).isEqualTo("Active");
    b.script("PF('statusTarget').selectValue('SUSPENDED')");
    type("status:statusReason", "IT: lost card reported");
    click("status:submit");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "now suspended"));
    assertThat(text("memberStatus")).isEqualTo("Suspended");
  }

  @Test
  void aSupervisorOverridesATierAndTheAuditLogShowsEveryChange() {
    String number = enroll("Audit", 2_000);
    login("supervisor", "supervisor-demo");
    openMember(number);
    // supervisors see full contact data
    assertThat(text("email")).doesNotContain("*");
    // the tier menu offers Titanium first
    String until = java.time.LocalDate.now().plusMonths(6).toString();
    pickDate("override:until", until);
    type("override:overrideReason", "status match from partner airline");
    click("override:submit");
    assertThat(b.awaitMessages()).contains("Tier override granted", until);
    assertThat(text("tierName")).startsWith("Titanium");
    adjust(30_000, "supervisor goodwill for long delay");
    assertThat(text("balance")).isEqualTo("32,000");

    click("nav-audit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit:member")));
    type("audit:member", number);
    click("audit:filter");
    // the table may be rendered again by the filter's answer: read it whole, found afresh
    String log =
        wait.until(
            d -> {
              String t = d.findElement(By.id("audit:entries")).getText();
              return t.contains("Tier overridden") ? t : null;
            });
    assertThat(log)
        .contains(
            "Tier overridden",
            "Adjustment posted",
            "supervisor",
            "status match from partner airline");
    screenshot("audit-log");
  }

  @Test
  void consoleAndApiAnswersCarrySecurityHeadersAndNoServerBanner() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page = get(http, "console/login.xhtml");
    assertThat(page.statusCode()).isEqualTo(200);
    HttpHeaders h = page.headers();
    // PrimeFaces' policy with this answer's script nonce, and the filter's for every console answer
    assertThat(h.allValues("Content-Security-Policy"))
        .anyMatch(p -> p.contains("default-src 'self'") && p.contains("script-src 'self' 'nonce-"))
        .anyMatch(p -> p.contains("frame-ancestors 'none'"));
    assertThat(page.body()).contains("nonce=");
    assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(h.firstValue("Cache-Control")).hasValue("no-store");
    assertThat(h.firstValue("Server")).isEmpty();
    assertThat(h.firstValue("X-Powered-By")).isEmpty();
    assertThat(h.allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("HttpOnly"))
        .allMatch(c -> c.contains("SameSite=Strict"))
        // Payara 6 writes the listener's attribute twice (payara/Payara#7254); browsers take the
        // last, so every one of them must say Strict
        .allMatch(c -> !c.matches("(?i).*SameSite=(?!strict\\b).*"));

    // scripts and styles stay cacheable, but are never sniffed
    String css =
        page.body().replaceAll("(?s).*href=\"[^\"]*(/jakarta\\.faces\\.resource/[^\"]+)\".*", "$1");
    HttpResponse<String> resource = get(http, css.substring(1).replace("&amp;", "&"));
    assertThat(resource.statusCode()).isEqualTo(200);
    assertThat(resource.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(resource.headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("no-store");

    // the API keeps its problem+json, now never stored either (no token: 401 before any matching)
    HttpResponse<String> problem = get(http, "api/v1/no-such-resource");
    assertThat(problem.statusCode()).isEqualTo(401);
    assertThat(problem.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(problem.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(problem.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(problem.headers().firstValue("Server")).isEmpty();

    // an unknown address is answered by a console page, not the server's
    HttpResponse<String> missing = get(http, "no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("There is no such page").doesNotContain("Payara");
    login("agent", "agent-demo");
    open("console/no-such-page.xhtml");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notFound")));
    screenshot("not-found");
  }

  @Test
  void theApplicationsDatabaseRoleCannotRewriteOrDropTheAuditTrails() throws Exception {
    login("agent", "agent-demo");
    assertThat(Db.count("select count(*) from console.audit_entry")).isPositive();
    try (Connection c = Db.connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      String me = c.getMetaData().getUserName();
      for (String sql :
          List.of(
              "truncate console.audit_entry",
              "update console.audit_entry set reason = 'rewritten'",
              "delete from console.audit_entry",
              "drop trigger audit_entry_no_truncate on console.audit_entry",
              "alter table console.audit_entry disable trigger all",
              "drop table console.audit_entry",
              "alter table console.audit_entry rename to audit_entry_gone",
              "drop schema console cascade",
              "alter schema console rename to console_gone",
              // the API's audit trail, likewise
              "truncate security.api_audit",
              "delete from security.api_audit",
              "drop trigger api_audit_no_update on security.api_audit",
              "drop table security.api_audit",
              "drop schema security cascade",
              // nor can it drop the database (only its owner can), nor take the owner's rights back
              "comment on database " + c.getCatalog() + " is 'mine'",
              "set role openmiles_audit",
              "grant openmiles_audit to " + me)) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(
                e ->
                    assertThat(e.getMessage())
                        .containsAnyOf(
                            "permission denied", "must be owner", "must have admin option"));
      }
    }
    assertThat(Db.count("select count(*) from console.audit_entry where reason = 'rewritten'"))
        .isZero();
    // and the application still writes its entries
    assertThat(
            Db.count(
                "select count(*) from console.audit_entry where actor = 'agent' and action = 'LOGIN'"
                    + " and at > now() - interval '10 minutes'"))
        .isPositive();
  }

  // --- steps

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url.toURI().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long deniedToAgent(String target) {
    return Db.count(
        "select count(*) from console.audit_entry where actor = 'agent'"
            + " and action = 'ACCESS_DENIED' and target = ?",
        target);
  }

  private String enroll(String label, long miles) {
    String u = Api.unique();
    String last = "Console" + label + letters(u);
    Res r =
        api.post(
            "members",
            """
            {"firstName":"Lan","lastName":"%s","email":"lan.%s@example.org","phone":"+84 90 555 %s",\
            "birthDate":"1985-05-05","country":"VN","marketingConsent":false}"""
                .formatted(last, u.toLowerCase().replaceAll("[^a-z0-9]", ""), "1234"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String number = r.str("number");
    Res p =
        api.post(
            "members/" + number + "/postings",
            """
            {"type":"CREDIT","miles":%d,"sourceReference":"console-it:%s","description":"Welcome bonus"}"""
                .formatted(miles, u));
    assertThat(p.status()).as(p.toString()).isIn(200, 201);
    lastNames.put(number, last);
    return number;
  }

  /** Names take letters only: the unique suffix with digits spelled as letters (0 = a ...). */
  private static String letters(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase().toCharArray()) {
      if (c >= '0' && c <= '9') {
        b.append((char) ('a' + (c - '0')));
      } else if (c >= 'a' && c <= 'z') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * {@code n} members named {@code lastName} + a letter suffix, each with an empty account, in two
   * batched statements: enrolling a thousand through the API would take the test's minutes.
   */
  private static void namesakes(String lastName, int n) throws SQLException {
    try (Connection c = Db.connect();
        var ids =
            c.prepareStatement(
                "select nextval('accounts.member_id_seq'), nextval('accounts.member_number_seq')"
                    + " from generate_series(1, ?)");
        var member =
            c.prepareStatement(
                "insert into accounts.member (id, member_number, first_name, last_name, email,"
                    + " birth_date, country, enrolled_at, updated_at)"
                    + " values (?, ?, 'Lan', ?, ?, date '1990-01-01', 'VN', now(), now())");
        var account = c.prepareStatement("insert into accounts.account (member_id) values (?)")) {
      ids.setInt(1, n);
      try (var rs = ids.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          String number =
              org.openmiles.accounts.api.MemberNumber.fromSequence(rs.getLong(2)).value();
          member.setLong(1, rs.getLong(1));
          member.setString(2, number);
          member.setString(3, lastName + letters(Integer.toString(i)));
          member.setString(4, "namesake." + number + "@example.org");
          member.addBatch();
          account.setLong(1, rs.getLong(1));
          account.addBatch();
        }
      }
      member.executeBatch();
      account.executeBatch();
    }
  }

  private final java.util.Map<String, String> lastNames = new java.util.HashMap<>();

  private String lastName(String number) {
    return lastNames.get(number);
  }

  private long balance(String number) {
    return api.get("members/" + number + "/balance").num("balance");
  }

  private void login(String user, String password) {
    b.login(user, password);
  }

  private void submitLoginAndWaitForThePage(String user, String password) {
    b.submitLoginAndWaitForThePage(user, password);
  }

  /** Five wrong passwords for {@code user}: the login page's answer to each. */
  private List<String> wrongPasswords(String user) {
    List<String> answers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      submitLoginAndWaitForThePage(user, "wrong-" + i);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-error")));
      answers.add(messages().strip());
    }
    return answers;
  }

  /** This test's failures from the browser's address must not slow the other tests' logins. */
  private static void forgetAddressFailures() {
    Db.update("delete from console.login_throttle where key like 'address:%'");
  }

  private void logout() {
    b.logout();
  }

  private void openMember(String number) {
    open("console/member.xhtml?number=" + number);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("balance")));
  }

  private void adjust(long miles, String reason) {
    WebElement field = browser.findElement(By.id("adjust:miles_input"));
    field.clear();
    field.sendKeys(Long.toString(miles));
    type("adjust:reason", reason);
    click("adjust:submit");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                "#messages .ui-messages-info, #messages .ui-messages-warn, #messages .ui-messages-error")));
  }

  private void pickDate(String id, String date) {
    b.pickDate(id, date);
  }

  /** The price of a one-way economy award Hanoi-Saigon on {@code date}, as the API quotes it. */
  private long hanSgnEconomy(String date) {
    return api.get("awards/price?origin=HAN&destination=SGN&cabin=ECONOMY&outbound=" + date)
        .num("totalMiles");
  }

  /** The miles a price shows ("10,000 miles"), once the price is on the page. */
  private long shownMiles(String id) {
    String shown = text(id);
    assertThat(shown).endsWith(" miles");
    return Long.parseLong(shown.replace(" miles", "").replace(",", ""));
  }

  private void open(String path) {
    b.open(path);
  }

  private void type(String id, String value) {
    b.type(id, value);
  }

  private void click(String id) {
    b.click(id);
  }

  private String text(String id) {
    return b.text(id);
  }

  private String messages() {
    return b.messages();
  }

  private WebElement rowOf(String tableId, String text) {
    return b.rowOf(tableId, text);
  }

  private void screenshot(String name) {
    b.screenshot(name);
  }
}
