/**
 * What operations may see and nobody else: the metrics in Prometheus' text format and the detailed
 * health, as API operations behind the {@code operations} role (docs/security.md, ADR 0027).
 */
package org.openmiles.app.operations;
