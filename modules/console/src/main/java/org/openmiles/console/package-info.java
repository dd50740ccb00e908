/**
 * Console: the call-center web UI (Jakarta Faces + PrimeFaces), served under {@code /console/} by
 * the same WAR as the REST API. It owns no business tables, only its users, its audit log and the
 * adjustments waiting for a supervisor (schema {@code console}); everything else it reads and
 * changes through the other modules' {@code api} services.
 *
 * <ul>
 *   <li>{@code api}: roles, the acting user, the console's exceptions;
 *   <li>{@code domain}: login throttle and adjustment limit rules, PII masking;
 *   <li>{@code security}: the form login (Jakarta Security), the identity store, demo users;
 *   <li>{@code application}: audited console actions, one transaction each;
 *   <li>{@code infrastructure}: JDBC repositories of the console schema;
 *   <li>{@code web}: Faces backing beans and the reject-file download.
 * </ul>
 */
package org.openmiles.console;
