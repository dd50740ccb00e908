/** REST adapter of the tiers module: member status and overrides, reviews and jobs for admins. */
package org.openmiles.tiers.web;
