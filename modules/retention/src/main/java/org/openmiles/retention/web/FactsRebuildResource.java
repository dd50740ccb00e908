package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.retention.api.FactsRebuildReport;
import org.openmiles.retention.api.MemberFacts;

/** The rebuild of the member facts: the proof that the events kept them, and their repair. */
@Path("v1/retention/facts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class FactsRebuildResource {
  @Inject MemberFacts facts;

  @POST
  @Path("rebuild")
  @Operation(
      summary = "Recompute every member's facts from scratch and compare",
      description =
          "Reads the member register and the whole ledger through the accounts module and the"
              + " activities' records through accrual, applies them with the same code the events"
              + " go through, and counts the members, days and partner categories that differ from"
              + " the kept facts (all zero: they match), with up to 20 example members. With"
              + " repair=true, differing kept facts are replaced by the recomputed ones (after"
              + " deploying retention on an existing database). Run it in a quiet hour: postings"
              + " made while it runs show as differences.")
  public FactsRebuildReport rebuild(@QueryParam("repair") @DefaultValue("false") boolean repair) {
    return facts.rebuild(repair);
  }
}
