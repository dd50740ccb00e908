/** REST plumbing shared by every module's resources: RFC 9457 problem documents and mappers. */
package org.openmiles.common.web;
