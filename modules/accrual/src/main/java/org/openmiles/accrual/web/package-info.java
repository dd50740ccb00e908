/** REST adapter of the accrual module: partner files and settlement statements. */
package org.openmiles.accrual.web;
