package org.openmiles.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Oracle is the documented second dialect (docs/oracle.md): every PostgreSQL migration has its
 * Oracle form under {@code db/oracle/<schema>/} with the same version, unless docs/oracle.md
 * explains why it has none. A new PostgreSQL migration without either fails here.
 */
class OracleMigrationsTest {
  /** PostgreSQL migrations with no Oracle counterpart on purpose, each explained in oracle.md. */
  private static final Map<String, String> WITHOUT_ORACLE_FORM =
      Map.of(
          "accrual/V9", "db/postgresql/accrual/V9__bulk_path_trims.sql",
          "accrual/V10", "db/postgresql/accrual/V10__natural_keys_for_file_records.sql",
          "console/V4", "db/postgresql/console/V4__audit_schema_owned_by_audit_role.sql",
          "program/V3", "db/postgresql/program/V3__change_events_owned_by_audit_role.sql",
          "security/V2", "db/postgresql/security/V2__audit_owned_by_audit_role.sql");

  private static final Pattern VERSIONED = Pattern.compile("^(V\\d+)__.*\\.sql$");

  private static Path db() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("db/postgresql"))) {
        return p.resolve("db");
      }
    }
    throw new IllegalStateException("no db/ folder above " + here);
  }

  /** {@code <schema>/V<n>} of every versioned migration of {@code vendor}. */
  private static Set<String> versions(String vendor) throws IOException {
    Set<String> out = new TreeSet<>();
    Path root = db().resolve(vendor);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Matcher m = VERSIONED.matcher(f.getFileName().toString());
        if (m.matches()) {
          out.add(root.relativize(f.getParent()) + "/" + m.group(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyPostgresqlMigrationHasItsOracleFormOrADocumentedReasonWhyNot() throws IOException {
    Set<String> missing = versions("postgresql");
    missing.removeAll(versions("oracle"));
    assertThat(missing).containsExactlyInAnyOrderElementsOf(WITHOUT_ORACLE_FORM.keySet());
    String doc = Files.readString(db().getParent().resolve("docs/oracle.md"));
    assertThat(WITHOUT_ORACLE_FORM.values()).allSatisfy(f -> assertThat(doc).contains(f));
  }

  @Test
  void oracleHasNoMigrationPostgresqlLacks() throws IOException {
    Set<String> extra = versions("oracle");
    extra.removeAll(versions("postgresql"));
    assertThat(extra).isEmpty();
  }
}
