package org.openmiles.accrual.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerFileView;
import org.openmiles.accrual.api.PartnerSettlement;
import org.openmiles.accrual.api.SettlementStatement;
import org.openmiles.common.Validator;
import org.openmiles.common.web.QueryParams;

/** Partners: who may send files, what their files did, and what they owe. */
@Path("v1/partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner files and monthly settlement")
public class PartnersResource {

  @Inject PartnerAccrual accrual;
  @Inject PartnerSettlement settlement;

  @GET
  @Operation(summary = "Codes of the partners that may send activity files")
  public List<String> partners() {
    return accrual.activePartnerCodes();
  }

  @GET
  @Path("{code}/files")
  @Operation(summary = "The partner's most recent files and their counts, newest first")
  @APIResponse(responseCode = "404", description = "PARTNER_NOT_FOUND")
  public List<PartnerFileView> files(
      @PathParam("code") String code, @QueryParam("limit") @DefaultValue("20") String limit) {
    return settlement.recentFiles(code, QueryParams.limit(limit, QueryParams.MAX_PAGE));
  }

  @GET
  @Path("{code}/settlements/{month}")
  @Operation(
      summary = "Settlement statement for a month (yyyy-MM)",
      description =
          "Miles issued for the partner's activity in the month (when credited), the credited"
              + " records reversed in the month and their miles (when reversed), the net miles and"
              + " the amount due on them at the partner's price per mile. Net miles and amount due"
              + " are negative when more was reversed than issued: a credit note to the partner.")
  @APIResponse(responseCode = "404", description = "PARTNER_NOT_FOUND")
  public SettlementStatement statement(
      @PathParam("code") String code, @PathParam("month") String month) {
    return settlement.statement(code, Validator.valid("month", () -> YearMonth.parse(month)));
  }

  @GET
  @Path("{code}/parked")
  @Operation(
      summary = "Records parked because no member matched them",
      description =
          "How many still wait for their member to enroll (within openmiles.accrual.park-days),"
              + " and the ones past that window, oldest first: they are no longer credited"
              + " automatically. For the host airline (VN): coupons parked or kept for a claim.")
  @APIResponse(responseCode = "404", description = "PARTNER_NOT_FOUND")
  public org.openmiles.accrual.api.ParkedReport parked(
      @PathParam("code") String code, @QueryParam("limit") @DefaultValue("50") String limit) {
    return settlement.parked(code, QueryParams.limit(limit, QueryParams.MAX_PAGE));
  }
}
