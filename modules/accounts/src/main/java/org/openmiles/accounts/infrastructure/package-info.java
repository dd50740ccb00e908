/**
 * Accounts persistence: EclipseLink for the member aggregate (interactive, one row at a time),
 * plain JDBC with set-based PostgreSQL SQL for the ledger (arrays + {@code unnest}, one statement
 * per step of a batch). The ledger SQL is the part an Oracle port must rewrite; see docs/oracle.md.
 */
package org.openmiles.accounts.infrastructure;
