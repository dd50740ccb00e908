/**
 * Published API of the console module: the console roles, the acting user and the refusals the
 * console's actions raise. No other module needs more of the console.
 */
package org.openmiles.console.api;
