package org.openmiles.common.jdbc;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * The application's one data source, for {@code @Inject DataSource} and {@code @Inject Jdbc}.
 * {@code java:app/jdbc/openmiles} is an application-scoped name: a bean that looked it up itself
 * got {@code null} when it was first created outside a component invocation, for example in an
 * observer that runs after a singleton's start-up transaction committed. This bean looks the name
 * up once, while the application starts, and hands the same data source to every bean created
 * later, on whatever thread.
 */
@ApplicationScoped
public class OpenMilesDataSource {

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  /** Created (and its resource injected) during deployment, not at first use. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (dataSource == null) {
      throw new IllegalStateException("java:app/jdbc/openmiles is not bound at start-up");
    }
  }

  @Produces
  DataSource dataSource() {
    return dataSource;
  }

  /**
   * Plain JDBC on that data source; {@link Jdbc} keeps no state, so each injection gets its own.
   */
  @Produces
  Jdbc jdbc() {
    return new Jdbc(dataSource);
  }
}
