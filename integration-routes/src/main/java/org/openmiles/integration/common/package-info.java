/**
 * What every file route shares: the folder layout, line reading, the two-pass processor that every
 * inbound feed goes through ({@link org.openmiles.integration.common.InboundFileProcessor}), the
 * error policy of every inbound route ({@link
 * org.openmiles.integration.common.FileRouteConfiguration}), file ownership, reject and
 * acknowledgement files.
 */
package org.openmiles.integration.common;
