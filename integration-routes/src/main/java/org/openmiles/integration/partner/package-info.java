/**
 * Partner activity files (format {@code OPENMILES-PARTNER-ACTIVITY} version 1,
 * docs/file-formats.md): one route per partner folder; the processor checks the whole file first
 * (encoding, header, trailer, control totals), then hands well-formed records to {@code
 * PartnerAccrual} in chunks.
 */
package org.openmiles.integration.partner;
