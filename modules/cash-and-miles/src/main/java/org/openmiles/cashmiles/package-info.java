/**
 * Cash and Miles: quote, hold, capture, void and refund of mixed miles-and-cash payments for
 * booking engines.
 *
 * <p>The module's published {@code api} package is the only part other modules may use (enforced by
 * the ArchUnit test in the app module); internals live in {@code domain}, {@code application} and
 * {@code infrastructure}.
 */
package org.openmiles.cashmiles;
