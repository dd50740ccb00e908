/**
 * The assembly: one WAR with every module, the JTA data source, Flyway migrations at start, health
 * checks, scheduled jobs (once per cluster) and the demo data seeder. Holds no business rules.
 */
package org.openmiles.app;
