/**
 * What operations need to follow one piece of work through the system: the correlation id a
 * request, a file or a job carries from where it enters to the ledger entries it makes and the log
 * lines it writes (ADR 0035).
 */
package org.openmiles.common.observability;
