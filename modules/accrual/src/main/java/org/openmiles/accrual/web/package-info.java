/**
 * REST adapter of the accrual module: partner files and settlement statements, reference data for
 * flight miles, missing-miles claims, bookings and members' pending miles.
 */
package org.openmiles.accrual.web;
