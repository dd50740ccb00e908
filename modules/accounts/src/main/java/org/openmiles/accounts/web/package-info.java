/**
 * REST adapter of the accounts module ({@code /api/v1/members}, {@code /api/v1/holds}, {@code
 * /api/v1/ledger}): parses JSON into api commands, calls the api services, nothing more.
 */
package org.openmiles.accounts.web;
