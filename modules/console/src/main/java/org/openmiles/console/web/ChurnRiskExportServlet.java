package org.openmiles.console.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.openmiles.common.csv.CsvCells;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.RetentionScores;

/**
 * The churn-risk list of the latest scoring run as CSV, {@code /console/retention/churn-risk.csv}:
 * member, segment, tier, P(alive), CLV, days since the last activity and the reasons, by CLV
 * (highest first), at most {@value #MAX_ROWS} rows. Supervisors only (web-fragment.xml); each
 * download is audited with its row count. Member numbers and scores only: no name or contact, which
 * a campaign export adds only with the member's consent for its channel. Cells are written through
 * {@link CsvCells}, so nothing a spreadsheet would run as a formula reaches it.
 */
@WebServlet("/console/retention/churn-risk.csv")
public class ChurnRiskExportServlet extends HttpServlet {
  static final int MAX_ROWS = 100_000;
  private static final int PAGE = 500;

  @Inject RetentionScores scores;
  @Inject AuditTrail audit;
  @Inject AirlineTime time;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ChurnRiskPage first = scores.churnRisk(new ChurnRiskQuery(null, null, null, PAGE, 0));
    long rows = Math.min(first.total(), MAX_ROWS);
    String name = "churn-risk-" + time.today() + ".csv";
    audit.record(
        new Actor(request.getUserPrincipal().getName(), Set.of(ConsoleRole.SUPERVISOR)),
        "CHURN_RISK_EXPORTED",
        null,
        "churn-risk list",
        null,
        rows + " rows",
        null);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    CsvCells.writeRow(
        out, "member", "segment", "tier", "p_alive", "clv", "days_since_activity", "reasons");
    ChurnRiskPage page = first;
    int written = 0;
    while (written < rows && !page.items().isEmpty()) {
      for (ChurnRiskPage.Item i : page.items()) {
        if (written >= rows) {
          break;
        }
        CsvCells.writeRow(
            out,
            i.member(),
            i.segment(),
            i.tier(),
            String.format(java.util.Locale.ROOT, "%.4f", i.pAlive()),
            i.clv() == null ? "" : i.clv().toPlainString(),
            i.recencyDays(),
            String.join(" ", i.reasons()));
        written++;
      }
      if (written < rows) {
        page = scores.churnRisk(new ChurnRiskQuery(null, null, null, PAGE, written));
      }
    }
    out.flush();
  }
}
