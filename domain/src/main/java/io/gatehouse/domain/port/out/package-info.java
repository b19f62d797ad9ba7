/** Outbound ports, named by what they hold ({@code Users}, {@code Sessions}), implemented by adapters. */
package io.gatehouse.domain.port.out;
