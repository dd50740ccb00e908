package org.openmiles.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one JTA data source every module uses. Connection settings are read at deployment from
 * MicroProfile Config (system properties or environment: {@code OPENMILES_DB_URL}, {@code
 * OPENMILES_DB_USER}, {@code OPENMILES_DB_PASSWORD}), never baked into the WAR.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/openmiles",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=openmiles.db.url}",
    user = "${MPCONFIG=openmiles.db.user}",
    password = "${MPCONFIG=openmiles.db.password}",
    minPoolSize = 0, // connect on first use: a slow database at deploy time must not break the pool
    maxPoolSize = DataSourceConfig.MAX_POOL_SIZE,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      // a validation query per connection hand-out was a round trip (and a commit) per request: a
      // connection is checked at most once in 30 s (ADR 0016)
      "fish.payara.validate-atmost-once-period-in-seconds=30",
      "reWriteBatchedInserts=true"
    })
@ApplicationScoped
public class DataSourceConfig {
  /** The most connections one instance's pool opens. */
  public static final int MAX_POOL_SIZE = 40;
}
