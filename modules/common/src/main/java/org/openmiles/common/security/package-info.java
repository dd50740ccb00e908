/**
 * Who may call the API: the API roles a token can carry ({@link ApiRoles}) and the authenticated
 * caller every change is recorded under ({@link Callers}). See docs/security.md.
 */
package org.openmiles.common.security;
