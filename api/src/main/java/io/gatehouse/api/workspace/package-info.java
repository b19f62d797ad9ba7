/** Workspaces (tenants) and their members. */
package io.gatehouse.api.workspace;
