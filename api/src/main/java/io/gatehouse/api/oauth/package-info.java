/** Gatehouse as an OpenID Provider ({@code /.well-known/openid-configuration}, {@code /oauth2/...}, {@code /api/v1/admin/clients}). */
package io.gatehouse.api.oauth;
