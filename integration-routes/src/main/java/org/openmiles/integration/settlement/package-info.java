/**
 * Monthly settlement files: {@code outbound/settlement-<yyyy-MM>.csv} per partner, written by the
 * {@code settlement-files} route on the 1st of each month for the month before, or on demand.
 */
package org.openmiles.integration.settlement;
