/**
 * Tiers persistence: SQL on the {@code tiers} schema, implementing the repository interfaces of
 * {@code domain}; used by no other package of the module (ADR 0030).
 *
 * <p>One JDBC style: every statement goes through {@link org.openmiles.common.jdbc.Jdbc} (the
 * transaction's connection, a fault named by what was being done); SQL of more than one line is a
 * text block; rows are read by column name, computed columns by their alias.
 */
package org.openmiles.tiers.infrastructure;
