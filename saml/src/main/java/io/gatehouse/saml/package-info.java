/**
 * The OpenSAML adapter (AuthnRequest, response validation, metadata in and out). Empty until the
 * workspace SSO and SAML login issues land; it will hand the domain a verified-assertion value and
 * never an OpenSAML type.
 */
package io.gatehouse.saml;
