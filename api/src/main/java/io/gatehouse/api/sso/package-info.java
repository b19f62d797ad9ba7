/** SAML login ({@code /auth/saml2/...}), SSO link confirmation ({@code /me/enable_sso}) and external accounts. */
package io.gatehouse.api.sso;
