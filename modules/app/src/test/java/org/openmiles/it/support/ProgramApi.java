package org.openmiles.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import org.openmiles.it.support.Api.Res;

/**
 * Program administration (issue 20) as the ITs drive it: a program manager proposes, a program
 * approver decides, and anyone with the right reads the version of a rule in force on a date.
 */
public final class ProgramApi {
  private final Api manager;
  private final Api approver;

  public ProgramApi(Api manager, Api approver) {
    this.manager = manager;
    this.approver = approver;
  }

  /** Proposes {@code body} (a change request's JSON), approves it; the change's id. */
  public long proposeAndApprove(String body) {
    Res p = manager.post("program/changes", body);
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    Res a = approver.post("program/changes/" + p.num("id") + "/approve", "{\"reason\":\"ok\"}");
    assertThat(a.str("state")).as(a.toString()).isEqualTo("APPLIED");
    return p.num("id");
  }

  /** The answer to reading the version of {@code kind}/{@code key} in force on {@code on}. */
  public Res rule(String kind, String key, LocalDate on) {
    return approver.get("program/rules/" + kind + "/" + key + "?on=" + on);
  }

  /** The version of {@code kind}/{@code key} in force on {@code on}, which must exist. */
  public JsonObject inForce(String kind, String key, LocalDate on) {
    Res r = rule(kind, key, on);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }
}
