/** Application services: plain classes with plain constructors, wired by the {@code app} module. */
package io.gatehouse.domain.service;
