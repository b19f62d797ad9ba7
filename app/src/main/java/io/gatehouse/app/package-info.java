/**
 * The application: main, configuration at the edge, the wiring of the domain's plain application
 * services, start-up tasks and housekeeping. End-to-end tests live beside it.
 */
package io.gatehouse.app;
