package org.openmiles.common.web;

import org.openmiles.common.Validator;

/**
 * A request body as a record, bound by {@link JsonRequestReader} through {@link JsonRecords}: each
 * component is a field of the JSON object, unknown fields are ignored, and a value of the wrong
 * type, a missing one or one {@link #validate} refuses is a field error of one {@code 400
 * VALIDATION_FAILED} answer, before the operation runs.
 */
public interface JsonRequest {

  /** Adds the field errors of the values as bound (required fields, ranges, formats). */
  default void validate(Validator v) {}
}
