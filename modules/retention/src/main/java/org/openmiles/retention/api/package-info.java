/**
 * Published API of the retention module (issue 19): what other modules (the console, the
 * integration routes) may call. Retention reads nothing of other modules but their api and events.
 */
package org.openmiles.retention.api;
