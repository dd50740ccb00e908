/**
 * JDBC repositories of the console schema (users, login throttle, audit log, adjustments),
 * implementing the interfaces of {@code domain}; used by no other package of the module (ADR 0030).
 */
package org.openmiles.console.infrastructure;
