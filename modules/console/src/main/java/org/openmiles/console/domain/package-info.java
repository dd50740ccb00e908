/**
 * The console's own rules: login throttle, the adjustment limit, personal-data masking; and the
 * storage the application and the security adapters reach through the interfaces declared here
 * ({@code ConsoleUserRepository}, {@code LoginThrottles}, {@code AdjustmentRepository}, {@code
 * AuditLog}), which {@code infrastructure} implements in SQL (ADR 0030).
 */
package org.openmiles.console.domain;
