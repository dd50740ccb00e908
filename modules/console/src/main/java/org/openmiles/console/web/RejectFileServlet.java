package org.openmiles.console.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accrual.api.PartnerSettlement;
import org.openmiles.common.csv.CsvCells;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.application.AuditTrail;

/**
 * Downloads a partner file's reject file, {@code /console/rejects/<partner>/<file id>}: the file
 * must be one of the partner's recent files (so no path is ever taken from the request), and its
 * rejects are read from the partner's {@code outbound/} folder under {@code openmiles.files.root}
 * (docs/file-formats.md). Supervisors only (web-fragment.xml); each download is audited, as reject
 * files carry member numbers and names.
 */
@WebServlet("/console/rejects/*")
public class RejectFileServlet extends HttpServlet {
  @Inject PartnerSettlement settlement;
  @Inject AuditTrail audit;

  @Inject
  @ConfigProperty(name = "openmiles.files.root", defaultValue = ".openmiles/files")
  String root;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String[] parts =
        request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
    if (parts.length != 3
        || !parts[1].matches("[A-Z0-9_]{1,30}")
        || !parts[2].matches("\\d{1,18}")) {
      response.sendError(404, "no such reject file");
      return;
    }
    String partner = parts[1];
    long id = Long.parseLong(parts[2]);
    var file = settlement.recentFiles(partner, 200).stream().filter(f -> f.id() == id).findFirst();
    if (file.isEmpty()) {
      response.sendError(404, "no such file of partner " + partner);
      return;
    }
    Path outbound =
        Path.of(root).toAbsolutePath().resolve("partners").resolve(partner).resolve("outbound");
    Path rejects = outbound.resolve(Path.of(file.get().fileName()).getFileName() + ".rejects.csv");
    if (!rejects.normalize().startsWith(outbound.normalize())
        || !Files.isRegularFile(rejects, LinkOption.NOFOLLOW_LINKS)) {
      response.sendError(404, "this file has no reject file (no record was rejected)");
      return;
    }
    audit.record(
        new Actor(request.getUserPrincipal().getName(), java.util.Set.of(ConsoleRole.SUPERVISOR)),
        "REJECT_FILE_DOWNLOADED",
        null,
        partner + " file " + id,
        null,
        rejects.getFileName().toString(),
        null);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + rejects.getFileName() + "\"");
    copyNeutralised(rejects, response);
  }

  /**
   * Sends the reject file row by row through {@link CsvCells}: files written before cells were
   * neutralised (or by hand) still reach the supervisor's spreadsheet without a live formula. Cells
   * neutralised already are left as they are.
   */
  private static void copyNeutralised(Path rejects, HttpServletResponse response)
      throws IOException {
    try (var in = Files.newBufferedReader(rejects, StandardCharsets.UTF_8);
        var parser = CSVParser.parse(in, CSVFormat.RFC4180);
        var out =
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(
                    response.getOutputStream(), StandardCharsets.UTF_8))) {
      for (CSVRecord row : parser) {
        CsvCells.writeRow(out, row.values());
      }
    }
  }
}
