/** RFC 9457 problem details: the only error format clients ever see. */
package io.gatehouse.api.problem;
