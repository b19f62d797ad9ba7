package io.gatehouse.saml;

import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.port.out.AuthnRequestEncoder;
import io.gatehouse.domain.port.out.SpPrivateKeys;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.CredentialSupport;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * An AuthnRequest (SAML core 3.4.1) sent by the HTTP-Redirect binding (SAML bindings 3.4.4): the
 * XML is DEFLATEd (RFC 1951, no zlib header), base64-encoded and URL-encoded as SAMLRequest. When the
 * workspace signs requests, the signature covers the exact octets
 * {@code SAMLRequest=…&RelayState=…&SigAlg=…} (bindings 3.4.4.1), made with OpenSAML's
 * {@link XMLSigningUtil} and the workspace's SP signing key, RSA-SHA256.
 */
public final class OpenSamlAuthnRequestEncoder implements AuthnRequestEncoder {

    private static final String SIGNATURE_ALGORITHM = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private final SpPrivateKeys privateKeys;
    private final Clock clock;

    public OpenSamlAuthnRequestEncoder(SpPrivateKeys privateKeys, Clock clock) {
        this.privateKeys = privateKeys;
        this.clock = clock;
    }

    @Override
    public String redirectUrl(SsoConfiguration configuration, String requestId, String relayState, String spEntityId, String acsUrl) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(requestId);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(clock.instant());
        request.setDestination(configuration.idpSsoUrl());
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(spEntityId);
        request.setIssuer(issuer);
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);

        StringBuilder query = new StringBuilder("SAMLRequest=").append(urlEncode(deflateAndEncode(OpenSaml.marshallCompact(request))))
                .append("&RelayState=").append(urlEncode(relayState));
        if (configuration.signAuthnRequests()) {
            query.append("&SigAlg=").append(urlEncode(SIGNATURE_ALGORITHM));
            byte[] signature = sign(configuration, query.toString().getBytes(StandardCharsets.UTF_8));
            query.append("&Signature=").append(urlEncode(Base64.getEncoder().encodeToString(signature)));
        }
        String url = configuration.idpSsoUrl();
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private byte[] sign(SsoConfiguration configuration, byte[] octets) {
        byte[] der = privateKeys.signingKey(configuration.workspaceId(), configuration.spKeys());
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Credential credential = CredentialSupport.getSimpleCredential(Pem.toCertificate(
                    configuration.spKeys().signingCertificate()).getPublicKey(), key);
            return XMLSigningUtil.signWithURI(credential, SIGNATURE_ALGORITHM, octets);
        } catch (GeneralSecurityException | SecurityException e) {
            throw new IllegalStateException("cannot sign the AuthnRequest with the workspace's SP key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    private static String deflateAndEncode(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
