/** Sign-up and the signed-in user's own account ({@code /signup}, {@code /me}). */
package io.gatehouse.api.account;
