package org.openmiles.integration.retention;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.common.outbox.Outbox;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.OutboundFiles;
import org.openmiles.retention.api.CampaignAudienceRow;
import org.openmiles.retention.api.CampaignCount;
import org.openmiles.retention.api.CampaignExports;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.events.CampaignRunFinished;

/**
 * The outbound campaign files (docs/retention.md "Campaigns", ADR 0038). Both routes are called by
 * outbox consumers ({@link CampaignOutboxConsumers}) in the relay's transaction, so what they
 * record commits with the event's delivery:
 *
 * <ul>
 *   <li>{@value #FILES} (header {@value #RUN}): each campaign of the run to {@code <files
 *       root>/campaigns/outbound/<campaign>-<yyyy-MM-dd>-run<id>.csv} (temporary name, then
 *       renamed; a repeated delivery writes the same file again), state WRITTEN, one export audit
 *       row each; with {@code openmiles.retention.campaigns.webhook-url} set, one {@value
 *       CampaignRunFinished#WEBHOOK_TOPIC} outbox event per file that has rows.
 *   <li>{@value #WEBHOOK} (headers {@value #RUN}, {@value #CAMPAIGN}): POSTs the file's rows as
 *       JSON, up to {@code webhook-attempts} times with a doubling pause ({@link WebhookBackoff});
 *       records DELIVERED, or FAILED with the last error. It never throws for a refusal, so a
 *       failing webhook holds up no other file.
 * </ul>
 */
@Dependent
public class CampaignFileRoutes extends RouteBuilder {
  private static final Logger LOG = Logger.getLogger(CampaignFileRoutes.class.getName());
  public static final String FILES = "direct:campaign-files";
  public static final String WEBHOOK = "direct:campaign-webhook";
  public static final String RUN = "openmilesCampaignRun";
  public static final String CAMPAIGN = "openmilesCampaign";
  static final int PAGE = 500;

  @Inject Campaigns campaigns;
  @Inject CampaignExports exports;
  @Inject MemberService members;
  @Inject FileSettings settings;
  @Inject Outbox outbox;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.webhook-url")
  Optional<String> webhookUrl;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.webhook-attempts", defaultValue = "4")
  int webhookAttempts;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.webhook-backoff-ms", defaultValue = "500")
  long webhookBackoffMillis;

  @Inject
  @ConfigProperty(
      name = "openmiles.retention.campaigns.webhook-backoff-max-ms",
      defaultValue = "8000")
  long webhookBackoffMaxMillis;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.webhook-timeout-ms", defaultValue = "10000")
  long webhookTimeoutMillis;

  @Override
  public void configure() {
    from(FILES)
        .routeId("campaign-files")
        .process(
            exchange ->
                exchange.getIn().setBody(writeAll(exchange.getIn().getHeader(RUN, Long.class))));
    from(WEBHOOK)
        .routeId("campaign-webhook")
        .process(
            exchange ->
                post(
                    exchange.getIn().getHeader(RUN, Long.class),
                    exchange.getIn().getHeader(CAMPAIGN, String.class)));
  }

  /** The campaign folder: {@code <files root>/campaigns/outbound}. */
  Path outbound() {
    return settings.root().resolve("campaigns").resolve("outbound");
  }

  List<Path> writeAll(long runId) throws IOException {
    CampaignRunView run = campaigns.run(runId);
    Path folder = Files.createDirectories(outbound());
    List<Path> written = new ArrayList<>();
    for (CampaignCount count : exports.campaignsOf(runId)) {
      String code = count.campaign();
      String name = CampaignRows.fileName(code, run.runDate(), runId);
      long rows =
          OutboundFiles.writeCsv(
              folder,
              name,
              CampaignRows.HEADER.toArray(),
              sink -> {
                for (List<String> r : rows(runId, code)) {
                  sink.row(r.toArray());
                }
              });
      exports.fileWritten(runId, code, name, rows);
      exports.audit(
          runId,
          code,
          folder.resolve(name).toString(),
          rows,
          principal(run),
          CampaignRows.fields());
      if (webhookUrl.isPresent() && rows > 0) {
        outbox.publish(CampaignRunFinished.WEBHOOK_TOPIC, runId + ":" + code, null);
      }
      written.add(folder.resolve(name));
    }
    LOG.info(() -> "campaign run " + runId + ": " + written.size() + " files in " + folder);
    return written;
  }

  /** Who or what the export is for the audit: the person who started the run, or the job. */
  private static String principal(CampaignRunView run) {
    return run.requestedBy() != null ? run.requestedBy() : "job:" + run.trigger();
  }

  /** The outbound rows of one campaign in a run, names and addresses from the accounts api. */
  List<List<String>> rows(long runId, String campaign) {
    List<List<String>> out = new ArrayList<>();
    long after = 0;
    while (true) {
      List<CampaignAudienceRow> page = exports.rows(runId, campaign, after, PAGE);
      for (CampaignAudienceRow r : page) {
        members
            .find(new MemberNumber(r.member()))
            .flatMap(m -> CampaignRows.row(r, m))
            .ifPresent(out::add);
        after = r.id();
      }
      if (page.size() < PAGE) {
        return out;
      }
    }
  }

  void post(long runId, String campaign) throws InterruptedException {
    if (webhookUrl.isEmpty()) {
      return;
    }
    CampaignRunView run = campaigns.run(runId);
    List<List<String>> rows = rows(runId, campaign);
    String body = json(run, campaign, rows);
    WebhookBackoff backoff =
        new WebhookBackoff(
            webhookAttempts,
            Duration.ofMillis(webhookBackoffMillis),
            Duration.ofMillis(webhookBackoffMaxMillis));
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofMillis(webhookTimeoutMillis)).build();
    String error = null;
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> res =
            client.send(
                HttpRequest.newBuilder(URI.create(webhookUrl.get()))
                    .timeout(Duration.ofMillis(webhookTimeoutMillis))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 == 2) {
          exports.fileDelivery(runId, campaign, true, attempt, null);
          exports.audit(
              runId,
              campaign,
              webhookUrl.get(),
              rows.size(),
              principal(run),
              CampaignRows.fields());
          return;
        }
        error = "HTTP " + res.statusCode();
      } catch (IOException e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      if (!backoff.again(attempt)) {
        String last = error;
        int tried = attempt;
        exports.fileDelivery(runId, campaign, false, attempt, error);
        LOG.warning(
            () ->
                "campaign webhook for run "
                    + runId
                    + " "
                    + campaign
                    + " failed "
                    + tried
                    + " times: "
                    + last);
        return;
      }
      Thread.sleep(backoff.after(attempt).toMillis());
    }
  }

  /** {"run":..,"campaign":..,"runDate":..,"rows":[{"member":..,"firstName":.., ...}]} */
  static String json(CampaignRunView run, String campaign, List<List<String>> rows) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (List<String> r : rows) {
      JsonObjectBuilder o = Json.createObjectBuilder();
      for (int i = 0; i < CampaignRows.JSON_FIELDS.size(); i++) {
        o.add(CampaignRows.JSON_FIELDS.get(i), r.get(i));
      }
      array.add(o);
    }
    return Json.createObjectBuilder()
        .add("run", run.id())
        .add("campaign", campaign)
        .add("runDate", run.runDate().toString())
        .add("rows", array)
        .build()
        .toString();
  }
}
