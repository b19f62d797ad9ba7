/**
 * The Gatehouse domain: users, workspaces, memberships and sessions, the ports through which
 * the outside world reaches them ({@code port.in}) and which they use to reach it
 * ({@code port.out}), and the application services that implement the inbound ports.
 *
 * <p>This module depends on the JDK only; an ArchUnit test in {@code app} keeps it that way.
 */
package io.gatehouse.domain;
