package org.openmiles.retention.api;

/** An answer of a survey-results file and the line it is on (for the reject file). */
public record SurveyAnswerLine(long line, RecordNpsAnswer answer) {}
