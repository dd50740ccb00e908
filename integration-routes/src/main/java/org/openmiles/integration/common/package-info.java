/**
 * What every file route shares: the folder layout, line reading, reject and acknowledgement files.
 */
package org.openmiles.integration.common;
