/**
 * REST adapter of the accrual module: partner files and settlement statements, reference data,
 * missing-miles claims.
 */
package org.openmiles.accrual.web;
