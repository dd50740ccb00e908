package org.openmiles.program.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.program.api.ChangeState;
import org.openmiles.program.api.ChangeStep;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.domain.ChangeRequest;
import org.openmiles.program.domain.ChangeRequest.Proposal;
import org.openmiles.program.domain.ChangeRequestRepository;

/**
 * Change requests in {@code program.change_request}, their steps in {@code program.change_event}
 * (appended only; the table's trigger refuses any UPDATE or DELETE).
 */
@ApplicationScoped
public class JdbcChangeRequests implements ChangeRequestRepository {
  /** Looked up once: each lookup scans the class path (JsonProviderLookupTest). */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Built once: thread-safe and costly to build. */
  private static final Jsonb JSONB = JsonbBuilder.create();

  private static final String COLUMNS =
      "id, kind, rule_key, proposal::text as proposal, effective_from, correction, state,"
          + " proposed_by, applied_version";

  @Inject Jdbc jdbc;

  @Override
  public long nextId() {
    return jdbc.first(
            "number a change request",
            "select nextval('program.change_request_seq')",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .orElseThrow();
  }

  @Override
  public void insert(ChangeRequest c, Instant now) {
    Proposal p = c.proposal();
    jdbc.update(
        "store change request " + c.id(),
        """
        insert into program.change_request (id, kind, rule_key, proposal, effective_from,
               correction, state, proposed_by, proposed_at, applied_version, updated_at)
        values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""",
        (con, ps) -> {
          ps.setLong(1, c.id());
          ps.setString(2, p.kind());
          ps.setString(3, p.key());
          ps.setString(4, json(p.fields()));
          ps.setDate(5, Date.valueOf(p.effectiveFrom()));
          ps.setBoolean(6, p.correction());
          ps.setString(7, c.state().name());
          ps.setString(8, c.proposedBy());
          ps.setTimestamp(9, Timestamp.from(now));
          ps.setString(10, c.appliedVersion());
          ps.setTimestamp(11, Timestamp.from(now));
        });
    appendSteps(c, 0);
  }

  @Override
  public Optional<ChangeRequest> lock(long id) {
    return one(id, " for update");
  }

  @Override
  public Optional<ChangeRequest> find(long id) {
    return one(id, "");
  }

  private Optional<ChangeRequest> one(long id, String lock) {
    List<Row> rows =
        jdbc.list(
            "read change request " + id,
            "select " + COLUMNS + " from program.change_request where id = ?" + lock,
            (c, ps) -> ps.setLong(1, id),
            JdbcChangeRequests::row);
    return withSteps(rows).stream().findFirst();
  }

  @Override
  public void update(ChangeRequest c, int stored, Instant now) {
    jdbc.update(
        "store the state of change request " + c.id(),
        "update program.change_request set state = ?, applied_version = ?, updated_at = ?"
            + " where id = ?",
        (con, ps) -> {
          ps.setString(1, c.state().name());
          ps.setString(2, c.appliedVersion());
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, c.id());
        });
    appendSteps(c, stored);
  }

  @Override
  public List<ChangeRequest> list(ChangeState state, int limit) {
    String order = state == ChangeState.PROPOSED ? "id" : "id desc";
    return withSteps(
        jdbc.list(
            "read change requests",
            "select "
                + COLUMNS
                + " from program.change_request where (?::text is null or state = ?)"
                + " order by "
                + order
                + " limit ?",
            (c, ps) -> {
              String s = state == null ? null : state.name();
              ps.setString(1, s);
              ps.setString(2, s);
              ps.setInt(3, limit);
            },
            JdbcChangeRequests::row));
  }

  @Override
  public void keepSimulation(long id, Simulation simulation) {
    jdbc.update(
        "keep the simulation of change request " + id,
        "update program.change_request set simulation = ?::jsonb where id = ?",
        (c, ps) -> {
          ps.setString(1, JSONB.toJson(simulation));
          ps.setLong(2, id);
        });
  }

  @Override
  public Map<Long, Simulation> simulations(Collection<Long> ids) {
    Map<Long, Simulation> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    Long[] array = ids.toArray(Long[]::new);
    jdbc.list(
        "read the simulations of change requests",
        "select id, simulation::text as simulation from program.change_request"
            + " where id = any(?) and simulation is not null",
        (c, ps) -> ps.setArray(1, c.createArrayOf("bigint", array)),
        rs ->
            out.put(
                rs.getLong("id"), JSONB.fromJson(rs.getString("simulation"), Simulation.class)));
    return out;
  }

  /** The steps after the first {@code from}, numbered from {@code from + 1}. */
  private void appendSteps(ChangeRequest c, int from) {
    List<ChangeStep> steps = c.history();
    for (int i = from; i < steps.size(); i++) {
      ChangeStep s = steps.get(i);
      int seq = i + 1;
      jdbc.update(
          "record a step of change request " + c.id(),
          "insert into program.change_event (change_id, seq, state, by_principal, at, reason)"
              + " values (?, ?, ?, ?, ?, ?)",
          (con, ps) -> {
            ps.setLong(1, c.id());
            ps.setInt(2, seq);
            ps.setString(3, s.state().name());
            ps.setString(4, s.by());
            ps.setTimestamp(5, Timestamp.from(s.at()));
            ps.setString(6, s.reason());
          });
    }
  }

  /** A request's row before its steps are read. */
  private record Row(
      long id, Proposal proposal, String proposedBy, ChangeState state, String appliedVersion) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        new Proposal(
            rs.getString("kind"),
            rs.getString("rule_key"),
            fields(rs.getString("proposal")),
            rs.getDate("effective_from").toLocalDate(),
            rs.getBoolean("correction")),
        rs.getString("proposed_by"),
        ChangeState.valueOf(rs.getString("state")),
        rs.getString("applied_version"));
  }

  private List<ChangeRequest> withSteps(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    Map<Long, List<ChangeStep>> steps = new HashMap<>();
    jdbc.list(
        "read the steps of change requests",
        "select change_id, state, by_principal, at, reason from program.change_event"
            + " where change_id = any(?) order by change_id, seq",
        (c, ps) -> ps.setArray(1, c.createArrayOf("bigint", ids)),
        rs -> {
          steps
              .computeIfAbsent(rs.getLong("change_id"), k -> new ArrayList<>())
              .add(
                  new ChangeStep(
                      ChangeState.valueOf(rs.getString("state")),
                      rs.getString("by_principal"),
                      rs.getTimestamp("at").toInstant(),
                      rs.getString("reason")));
          return null;
        });
    List<ChangeRequest> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          ChangeRequest.restore(
              r.id(),
              r.proposal(),
              r.proposedBy(),
              r.state(),
              r.appliedVersion(),
              steps.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  /** The fields as a JSON object of strings, in name order. */
  static String json(Map<String, String> fields) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    new TreeMap<>(fields).forEach(b::add);
    return b.build().toString();
  }

  static Map<String, String> fields(String json) {
    try (JsonReader r = JSON.createReader(new StringReader(json))) {
      JsonObject o = r.readObject();
      Map<String, String> out = new LinkedHashMap<>();
      o.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
      return out;
    }
  }
}
