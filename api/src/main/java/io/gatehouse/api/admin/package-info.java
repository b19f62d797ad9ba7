/** Instance administration: operations on any account, for instance administrators only. */
package io.gatehouse.api.admin;
