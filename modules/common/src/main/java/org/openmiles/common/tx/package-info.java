/**
 * Transaction boundaries: the retry of a whole transaction that PostgreSQL aborted for a deadlock
 * or a serialization failure, and the classification of database failures (ADR 0023).
 */
package org.openmiles.common.tx;
