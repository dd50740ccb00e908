package org.openmiles.program.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmiles.common.Validator;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.program.api.ProposeChange;

/** The bodies of {@code /api/v1/program/changes}. */
final class ProgramRequests {
  private ProgramRequests() {}

  /**
   * A proposal: which rule, the new version's fields ({@code proposal}: each a string, a number or
   * a boolean, as the kind describes them), the date it applies from ({@code YYYY-MM-DD}), whether
   * it corrects the past, and why. The change request's and the rule's own checks follow in the
   * service, every broken field at once.
   */
  public record ProposalRequest(
      String kind,
      String key,
      JsonObject proposal,
      String effectiveFrom,
      Boolean correction,
      String reason)
      implements JsonRequest {

    @Override
    public void validate(Validator v) {
      if (effectiveFrom != null) {
        v.check("effectiveFrom", this::date);
      }
      if (proposal != null) {
        proposal.forEach(
            (name, value) ->
                v.require(
                    text(value) != null || value.getValueType() == JsonValue.ValueType.NULL,
                    "proposal." + name,
                    "must be a string, a number or a boolean"));
      }
    }

    ProposeChange toProposal() {
      Map<String, String> fields = new LinkedHashMap<>();
      if (proposal != null) {
        proposal.forEach(
            (name, value) -> {
              String t = text(value);
              if (t != null) {
                fields.put(name, t);
              }
            });
      }
      return new ProposeChange(kind, key, fields, date(), Boolean.TRUE.equals(correction), reason);
    }

    private LocalDate date() {
      if (effectiveFrom == null) {
        return null;
      }
      try {
        return LocalDate.parse(effectiveFrom);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("a date, YYYY-MM-DD, not " + effectiveFrom);
      }
    }

    /** A field's value as text: a string as sent, a number as written, a boolean; else null. */
    private static String text(JsonValue value) {
      return switch (value.getValueType()) {
        case STRING -> ((JsonString) value).getString();
        case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
        case TRUE -> "true";
        case FALSE -> "false";
        default -> null;
      };
    }
  }

  /** A simulation's window, {@code YYYY-MM-DD} both, each optional (the last 90 days). */
  public record SimulationRequest(String from, String to) implements JsonRequest {
    @Override
    public void validate(Validator v) {
      if (from != null) {
        v.check("from", () -> LocalDate.parse(from));
      }
      if (to != null) {
        v.check("to", () -> LocalDate.parse(to));
      }
    }

    LocalDate fromDate() {
      return from == null ? null : LocalDate.parse(from);
    }

    LocalDate toDate() {
      return to == null ? null : LocalDate.parse(to);
    }
  }

  /** A decision's or a withdrawal's reason (required to reject; at most 500 characters). */
  public record DecisionRequest(String reason) implements JsonRequest {
    @Override
    public void validate(Validator v) {
      // the change request checks the reason, as it checks a proposal's
    }
  }
}
