/**
 * REST plumbing shared by every module's resources: RFC 9457 problem documents and mappers, and the
 * reading of request input (query parameters, a required body) and the answers several give alike.
 */
package org.openmiles.common.web;
