/** Facts retention publishes: small records carrying ids. */
package org.openmiles.retention.api.events;
