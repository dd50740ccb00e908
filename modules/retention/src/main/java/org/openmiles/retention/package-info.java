/**
 * Retention (issue 19): what the program knows about its members' future, from their past activity.
 * So far the customer-base models (BG/NBD for the number of future activities and P(alive),
 * Gamma-Gamma for the value of each), fitted by maximum likelihood and checked against the results
 * published on the CDNOW sample. The facts kept from other modules' events, the scores, the API,
 * the console and the campaigns come next.
 */
package org.openmiles.retention;
