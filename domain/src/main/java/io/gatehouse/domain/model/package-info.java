/** Entities and self-validating value objects. No framework types, no persistence concerns. */
package io.gatehouse.domain.model;
