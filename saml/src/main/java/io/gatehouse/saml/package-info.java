/**
 * The OpenSAML adapter: everything that touches SAML XML goes through here, behind the domain's
 * ports, and nothing OpenSAML-typed leaves the package. {@link OpenSaml} owns the one-time library
 * initialisation and the hardened parser; readers and writers are small classes, one per job.
 * AuthnRequest building and response validation arrive with the SAML login issue.
 */
package io.gatehouse.saml;
