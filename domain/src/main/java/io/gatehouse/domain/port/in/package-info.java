/** Inbound ports: one use case per capability, each with a command record and a sealed outcome. */
package io.gatehouse.domain.port.in;
