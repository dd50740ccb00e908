package org.openmiles.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmiles.common.security.ApiRoles;

/**
 * The declared API access matrix: for every operation (HTTP method and path template under {@code
 * /api}), the API roles that may call it, some only for their own resource. Read from {@code
 * access-matrix.tsv} beside this class; one table that {@link AccessControl} enforces, {@code
 * AccessMatrixTest} checks against the resource classes and {@code SecurityIT} against the running
 * server.
 */
public final class AccessMatrix {
  /** The matrix the application enforces. */
  public static final String RESOURCE = "access-matrix.tsv";

  private static final Pattern GRANT = Pattern.compile("([a-z-]+)(?:\\[([A-Za-z]+)])?");
  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** One operation: an HTTP method and a path template such as {@code /v1/members/{number}}. */
  public record Operation(String method, String path) {
    public Operation {
      method = method.toUpperCase(Locale.ROOT);
      path = normalise(path);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * A role that may call an operation; with {@code ownParam}, only where that path parameter equals
   * the token's subject.
   */
  public record Grant(String role, String ownParam) {
    public boolean own() {
      return ownParam != null;
    }

    @Override
    public String toString() {
      return own() ? role + "[" + ownParam + "]" : role;
    }
  }

  private final Map<Operation, List<Grant>> rows;

  private AccessMatrix(Map<Operation, List<Grant>> rows) {
    this.rows = rows;
  }

  /** The matrix the application ships. */
  public static AccessMatrix load() {
    try (InputStream in = AccessMatrix.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the access matrix " + RESOURCE + " is missing");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a matrix: one operation a line ({@code METHOD /path role role[param] ...}), {@code #}
   * comments and blank lines ignored.
   *
   * @throws IllegalArgumentException for a malformed line, an unknown role, an own-resource rule on
   *     a parameter the path does not have, or an operation listed twice
   */
  public static AccessMatrix parse(InputStream in) throws IOException {
    Map<Operation, List<Grant>> rows = new LinkedHashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split("\\s+");
      if (f.length < 3 || !METHODS.contains(f[0]) || !f[1].startsWith("/")) {
        throw new IllegalArgumentException(
            "access matrix line " + n + ": expected 'METHOD /path role...', got: " + t);
      }
      Operation op = new Operation(f[0], f[1]);
      List<Grant> grants = new ArrayList<>();
      for (int i = 2; i < f.length; i++) {
        Matcher m = GRANT.matcher(f[i]);
        if (!m.matches() || !ApiRoles.ALL.contains(m.group(1))) {
          throw new IllegalArgumentException(
              "access matrix line "
                  + n
                  + ": unknown role '"
                  + f[i]
                  + "' (roles: "
                  + ApiRoles.ALL
                  + ")");
        }
        if (m.group(2) != null && !op.path().contains("{" + m.group(2) + "}")) {
          throw new IllegalArgumentException(
              "access matrix line "
                  + n
                  + ": "
                  + op
                  + " has no path parameter {"
                  + m.group(2)
                  + "}");
        }
        grants.add(new Grant(m.group(1), m.group(2)));
      }
      if (rows.putIfAbsent(op, List.copyOf(grants)) != null) {
        throw new IllegalArgumentException("access matrix line " + n + ": " + op + " listed twice");
      }
    }
    return new AccessMatrix(Map.copyOf(rows));
  }

  /** The roles that may call {@code op}, if the matrix has a row for it. */
  public Optional<List<Grant>> grants(Operation op) {
    return Optional.ofNullable(rows.get(op));
  }

  /** Every operation the matrix lists. */
  public Set<Operation> operations() {
    return rows.keySet();
  }

  /**
   * A path template as the matrix writes it: a leading slash, no trailing one, and parameters
   * without their regular expressions ({@code {id: [0-9]+}} is {@code {id}}).
   */
  public static String normalise(String path) {
    String p = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
