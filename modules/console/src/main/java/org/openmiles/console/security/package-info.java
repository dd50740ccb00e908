/**
 * Console login with Jakarta Security: one HTTP authentication mechanism for the whole WAR that
 * hands {@code /api/*} to MicroProfile JWT and does form login for {@code /console/*} (ADR 0013),
 * an identity store over {@code console.console_user} with PBKDF2 hashes, the login throttle per
 * user name and client address (ADR 0026), and the demo users.
 */
package org.openmiles.console.security;
