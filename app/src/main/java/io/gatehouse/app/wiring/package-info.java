/** Micronaut factories that build the domain's plain application services from ports and policies. */
package io.gatehouse.app.wiring;
