/** Retention's services: facts kept from events, scoring, engagement, NPS, consent, campaigns. */
package org.openmiles.retention.application;
