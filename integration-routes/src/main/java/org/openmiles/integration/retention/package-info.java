/**
 * Retention's inbound feed: the survey tool's results file ({@link
 * org.openmiles.integration.retention.SurveyResultsFormat}), whose NPS answers go to retention's
 * {@link org.openmiles.retention.api.NpsAnswers}.
 */
package org.openmiles.integration.retention;
