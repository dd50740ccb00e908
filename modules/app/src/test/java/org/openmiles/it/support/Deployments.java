package org.openmiles.it.support;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the real WAR that {@code mvn package} built (all modules, migrations,
 * configuration) plus, for in-container tests, the test classes and their libraries. Never a
 * hand-picked list of production classes.
 */
public final class Deployments {
  private Deployments() {}

  public static WebArchive openmiles() {
    String path = System.getProperty("openmiles.war", "target/openmiles.war");
    File war = new File(path);
    if (!war.isFile()) {
      throw new IllegalStateException(
          "the application WAR " + war + " is missing: run mvn package first");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The WAR plus the classes of every IT package ({@code org.openmiles.it} and below: the test, the
   * beans it observes with, the support classes) and AssertJ, for tests that run inside the server.
   */
  public static WebArchive openmilesWithTests() {
    return openmiles()
        .addPackages(true, "org.openmiles.it")
        .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    } catch (Exception e) {
      throw new IllegalStateException("cannot locate the jar of " + type, e);
    }
  }
}
