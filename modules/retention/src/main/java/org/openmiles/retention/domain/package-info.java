/** The retention models: pure functions of a member's history, no storage. */
package org.openmiles.retention.domain;
