/** Browser sessions: password login, logout, bump, and the user's own session list. */
package io.gatehouse.api.session;
