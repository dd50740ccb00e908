package org.openmiles.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openmiles.app.security.AccessMatrix.Grant;
import org.openmiles.app.security.AccessMatrix.Operation;

/**
 * The access matrix and the resource classes agree: every REST operation of every module has a row,
 * and every row names an operation that exists. A new operation without a row fails the build here.
 */
class AccessMatrixTest {
  private static final AccessMatrix MATRIX = AccessMatrix.load();

  /** Every operation the resource classes of all modules serve. */
  static Set<Operation> served() {
    Set<Operation> ops = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openmiles")) {
      if (!c.isAnnotatedWith(Path.class)) {
        continue;
      }
      Class<?> type = c.reflect();
      for (Method m : type.getDeclaredMethods()) {
        AccessControl.operationOf(type, m).ifPresent(ops::add);
      }
    }
    return ops;
  }

  @Test
  void everyOperationHasARowAndEveryRowAnOperation() {
    Set<Operation> served = served();
    assertThat(served).as("the scan finds the API").hasSizeGreaterThan(50);
    assertThat(served)
        .as("operations without a row in access-matrix.tsv (add one: docs/security.md)")
        .allMatch(op -> MATRIX.grants(op).isPresent(), "have a row");
    assertThat(MATRIX.operations())
        .as("rows of access-matrix.tsv that name no operation")
        .allMatch(served::contains, "are served");
  }

  @Test
  void noOperationIsOpenToEveryRoleAndConsoleRolesNeverAppear() {
    for (Operation op : MATRIX.operations()) {
      var roles = MATRIX.grants(op).orElseThrow().stream().map(Grant::role).toList();
      assertThat(roles).as(op.toString()).isNotEmpty().doesNotContain("ADMIN", "SUPERVISOR");
    }
  }

  @Test
  void theAuditorOnlyReadsAndPartnersOnlyReachTheirOwnResources() {
    for (Operation op : MATRIX.operations()) {
      for (Grant g : MATRIX.grants(op).orElseThrow()) {
        if (g.role().equals("auditor")) {
          assertThat(op.method()).as(op.toString()).isEqualTo("GET");
        }
        if (g.role().equals("partner")) {
          assertThat(g.own()).as(op + ": a partner only for its own code").isTrue();
        }
      }
    }
  }

  @Test
  void aMatrixWithAnUnknownRoleOrAMissingParameterIsRefused() throws Exception {
    assertThatThrownBy(() -> parse("GET /v1/x ADMIN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown role 'ADMIN'");
    assertThatThrownBy(() -> parse("GET /v1/x partner[code]"))
        .hasMessageContaining("no path parameter {code}");
    assertThatThrownBy(() -> parse("GET /v1/x auditor\nGET /v1/x/ back-office"))
        .hasMessageContaining("listed twice");
    assertThat(parse("GET /v1/p/{code}/ partner[code]").operations())
        .containsExactly(new Operation("GET", "/v1/p/{code}"));
    assertThat(AccessMatrix.normalise("v1/p/{code: [A-Z]+}//x/")).isEqualTo("/v1/p/{code}/x");
  }

  private static AccessMatrix parse(String text) throws java.io.IOException {
    return AccessMatrix.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
