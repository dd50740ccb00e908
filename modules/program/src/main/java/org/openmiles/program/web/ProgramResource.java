package org.openmiles.program.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeView;
import org.openmiles.program.api.NoVersionInForceException;
import org.openmiles.program.api.ProgramChanges;
import org.openmiles.program.api.ProposeChange;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.web.ProgramRequests.DecisionRequest;
import org.openmiles.program.web.ProgramRequests.ProposalRequest;
import org.openmiles.program.web.ProgramRequests.SimulationRequest;

/**
 * Program administration (docs/program.md "Changing the program"): the kinds of rule that can be
 * changed, the version of a rule in force, and change requests — proposed by a program manager,
 * approved or rejected by another person with the approver right (the token's subject is who; a
 * name in a body is never believed).
 */
@Path("v1/program")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Program administration", description = "Rule versions and their change requests")
public class ProgramResource {
  private static final String CHANGE_EXAMPLE =
      "{\"id\":12,\"kind\":\"partner-earn-rule\",\"key\":\"DEMO_HOTEL:STAY_NIGHT\","
          + "\"proposed\":{\"miles\":\"600\",\"perQuantity\":\"1\",\"maxMilesPerRecord\":"
          + "\"18000\"},\"effectiveFrom\":\"2027-01-01\",\"correction\":false,\"state\":"
          + "\"PROPOSED\",\"proposedBy\":\"pm-lan\",\"replaces\":{\"version\":"
          + "\"DEMO_HOTEL:STAY_NIGHT@2000-01-01\",\"effectiveFrom\":\"2000-01-01\",\"fields\":"
          + "{\"miles\":\"500\",\"perQuantity\":\"1.00\",\"maxMilesPerRecord\":\"15000\"}},"
          + "\"history\":[{\"state\":\"PROPOSED\",\"by\":\"pm-lan\",\"at\":"
          + "\"2026-12-07T03:00:00Z\",\"reason\":\"winter hotel campaign\"}]}";

  @Inject ProgramChanges changes;
  @Context SecurityContext security;

  @GET
  @Path("kinds")
  @Operation(
      summary = "The kinds of rule that can be changed",
      description = "Each kind with what its key names and the fields of a version.")
  @APIResponse(responseCode = "200", description = "The kinds")
  public List<RuleKind> kinds() {
    return changes.kinds();
  }

  @GET
  @Path("rules/{kind}/{key}")
  @Operation(
      summary = "The version of a rule in force",
      description = "On the date on (YYYY-MM-DD; default today in the airline's zone).")
  @APIResponse(responseCode = "200", description = "The version")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: on")
  @APIResponse(
      responseCode = "404",
      description = "UNKNOWN_RULE_KIND, UNKNOWN_RULE, NO_VERSION_IN_FORCE")
  public RuleVersion rule(
      @PathParam("kind") String kind, @PathParam("key") String key, @QueryParam("on") String on) {
    LocalDate date = on == null ? null : Validator.valid("on", () -> LocalDate.parse(on));
    return changes
        .inForce(kind, key, date)
        .orElseThrow(() -> new NoVersionInForceException(kind, key, date));
  }

  @POST
  @Path("changes/check")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Check a proposal without proposing it",
      description =
          "What a form calls as the manager types: the same checks as a proposal (every broken"
              + " field at once, the version's fields as proposal.<field>), nothing written."
              + " Answers the version the proposal would replace (replaces: null for a rule's"
              + " first version) and what the approver should know that does not stop it"
              + " (warnings: a promotion overlapping another for the same activity, say).")
  @APIResponse(responseCode = "200", description = "Valid; the version it would replace")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
  @APIResponse(responseCode = "404", description = "UNKNOWN_RULE")
  @APIResponse(responseCode = "409", description = "VERSION_EXISTS")
  @APIResponse(responseCode = "422", description = "EFFECTIVE_DATE_PASSED")
  public Map<String, Object> check(ProposalRequest body) {
    ProposeChange p = proposal(body);
    Map<String, Object> answer = new HashMap<>();
    answer.put("replaces", changes.check(p).orElse(null));
    answer.put("warnings", changes.warnings(p));
    return answer;
  }

  @POST
  @Path("changes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Propose a change to a rule",
      description =
          "A new version of the rule kind/key from effectiveFrom (today or later in the"
              + " airline's zone; an earlier date only with correction: true). The proposer is"
              + " the token's subject. Another person with the approver right decides it.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "hotel nights",
                      value =
                          "{\"kind\":\"partner-earn-rule\",\"key\":\"DEMO_HOTEL:STAY_NIGHT\","
                              + "\"effectiveFrom\":\"2027-01-01\",\"reason\":\"winter hotel"
                              + " campaign\",\"proposal\":{\"miles\":600,\"perQuantity\":1,"
                              + "\"maxMilesPerRecord\":18000}}")))
  @APIResponse(
      responseCode = "201",
      description = "Proposed; Location is the change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "proposed", value = CHANGE_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
  @APIResponse(responseCode = "404", description = "UNKNOWN_RULE")
  @APIResponse(responseCode = "409", description = "VERSION_EXISTS")
  @APIResponse(responseCode = "422", description = "EFFECTIVE_DATE_PASSED")
  public Response propose(ProposalRequest body) {
    ChangeView c = changes.propose(proposal(body), Callers.subject(security));
    return Response.created(URI.create("/api/v1/program/changes/" + c.id())).entity(c).build();
  }

  @GET
  @Path("changes")
  @Operation(
      summary = "Change requests",
      description =
          "In one state (state=PROPOSED is the approvals queue, oldest first) or all (newest"
              + " first); at most limit (default 50, at most 200).")
  @APIResponse(responseCode = "200", description = "The changes")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: state, limit")
  public List<ChangeView> list(
      @QueryParam("state") String state, @QueryParam("limit") String limit) {
    ChangeState s =
        state == null ? null : Validator.valid("state", () -> ChangeState.valueOf(state));
    return changes.changes(s, limit == null ? 50 : QueryParams.limit(limit, 200));
  }

  @GET
  @Path("changes/{id}")
  @Operation(
      summary = "One change request",
      description = "The proposal beside the version it replaces, its state and every step.")
  @APIResponse(
      responseCode = "200",
      description = "The change",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "proposed", value = CHANGE_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "CHANGE_NOT_FOUND")
  public ChangeView change(@PathParam("id") String id) {
    return changes.change(id(id));
  }

  @POST
  @Path("changes/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Approve and apply a pending change",
      description =
          "By a person with the approver right who did not propose it (422"
              + " SELF_APPROVAL_REFUSED otherwise). Checked again, then written by the module"
              + " that owns the rule, in one transaction; from its date it is the rule on every"
              + " instance. The reason is optional.")
  @APIResponse(responseCode = "200", description = "Applied")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
  @APIResponse(responseCode = "404", description = "CHANGE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CHANGE_NOT_PENDING, VERSION_EXISTS")
  @APIResponse(responseCode = "422", description = "SELF_APPROVAL_REFUSED, EFFECTIVE_DATE_PASSED")
  public ChangeView approve(@PathParam("id") String id, DecisionRequest body) {
    return changes.approve(id(id), Callers.subject(security), reason(body));
  }

  @POST
  @Path("changes/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reject a pending change",
      description = "By a person with the approver right who did not propose it; reason required.")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: reason")
  @APIResponse(responseCode = "404", description = "CHANGE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CHANGE_NOT_PENDING")
  @APIResponse(responseCode = "422", description = "SELF_APPROVAL_REFUSED")
  public ChangeView reject(@PathParam("id") String id, DecisionRequest body) {
    return changes.reject(id(id), Callers.subject(security), reason(body));
  }

  @POST
  @Path("changes/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Withdraw a pending change",
      description = "By its proposer only; the reason is optional.")
  @APIResponse(responseCode = "200", description = "Withdrawn")
  @APIResponse(responseCode = "404", description = "CHANGE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CHANGE_NOT_PENDING")
  @APIResponse(responseCode = "422", description = "NOT_PROPOSER")
  public ChangeView withdraw(@PathParam("id") String id, DecisionRequest body) {
    return changes.withdraw(id(id), Callers.subject(security), reason(body));
  }

  @POST
  @Path("changes/{id}/simulation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Simulate a pending change again on a chosen window",
      description =
          "Replays the proposed version, read-only and set-based, on the real activity of from-to"
              + " (YYYY-MM-DD, both included; default the 90 days to yesterday in the airline's"
              + " zone, at most 731 days) under the rules in force and as if the proposal had been"
              + " in force throughout, and keeps the result with the change (simulation). A"
              + " proposal is simulated on the default window when it is made.")
  @APIResponse(responseCode = "200", description = "The change with its new simulation")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: from, to")
  @APIResponse(responseCode = "404", description = "CHANGE_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CHANGE_NOT_PENDING")
  public ChangeView simulate(@PathParam("id") String id, SimulationRequest body) {
    SimulationRequest b = body == null ? new SimulationRequest(null, null) : body;
    return changes.simulate(id(id), b.fromDate(), b.toDate());
  }

  /** A missing body is an empty one: every required field is then reported. */
  private static ProposeChange proposal(ProposalRequest body) {
    return (body == null ? new ProposalRequest(null, null, null, null, null, null) : body)
        .toProposal();
  }

  private static String reason(DecisionRequest body) {
    return body == null ? null : body.reason();
  }

  private static long id(String id) {
    return Validator.valid("id", () -> QueryParams.wholeNumber(id, 1, Long.MAX_VALUE));
  }
}
