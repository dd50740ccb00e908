/**
 * The console's actions, one transaction each: the change goes through the owning module's {@code
 * api} service and its audit entry is written in the same transaction, so there is no change
 * without its entry and no entry without its change. The reads a page needs from several modules at
 * once are queries here too ({@code MemberOverviewQuery}), so the page beans stay adapters.
 */
package org.openmiles.console.application;
