package io.gatehouse.saml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Inflater;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.credential.CredentialSupport;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;

/**
 * A SAML identity provider for tests, built on OpenSAML with its own RSA key and self-signed
 * certificate. It reads AuthnRequests from HTTP-Redirect URLs and issues responses whose every
 * field a test can bend: signed or not, by which key, with which algorithms, encrypted or not,
 * wrong audience, expired, and so on.
 */
public final class TestIdentityProvider {

    public static final String ENTITY_ID = "https://idp.test.example/saml/metadata";
    public static final String SSO_URL = "https://idp.test.example/saml/sso";

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    public TestIdentityProvider(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            keyPair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + commonName);
            var holder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String certificatePem() {
        try {
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            return pem.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This IdP's metadata (SAML metadata 2.4.3), as an IdP's admin console offers it for download: entity id, signing certificate, SSO URL. */
    public String metadataXml(String ssoUrl) {
        try {
            String certificateBase64 = Base64.getEncoder().encodeToString(certificate.getEncoded());
            return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" "
                    + "entityID=\"" + ENTITY_ID + "\">\n"
                    + "  <md:IDPSSODescriptor WantAuthnRequestsSigned=\"true\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                    + "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificateBase64
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                    + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n"
                    + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + ssoUrl + "\"/>\n"
                    + "  </md:IDPSSODescriptor>\n"
                    + "</md:EntityDescriptor>\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What arrived at the IdP's SSO URL. */
    public record ReceivedRequest(AuthnRequest request, String relayState, String sigAlg, byte[] signature, String signedOctets) {

        public String id() {
            return request.getID();
        }

        /** Verifies the HTTP-Redirect signature (SAML bindings 3.4.4.1) with the SP's signing certificate. */
        public boolean signatureVerifiesWith(String spCertificatePem) {
            if (signature == null) {
                return false;
            }
            try {
                X509Certificate sp = Pem.toCertificate(spCertificatePem);
                return XMLSigningUtil.verifyWithURI(CredentialSupport.getSimpleCredential(sp.getPublicKey(), null), sigAlg, signature,
                        signedOctets.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** Decodes the AuthnRequest carried by an HTTP-Redirect URL, as an IdP would. */
    public static ReceivedRequest receive(String redirectUrl) {
        String query = URI.create(redirectUrl).getRawQuery();
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            byte[] deflated = Base64.getDecoder().decode(decode(raw.get("SAMLRequest")));
            Inflater inflater = new Inflater(true);
            inflater.setInput(deflated);
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                xml.write(buffer, 0, n);
            }
            AuthnRequest request = (AuthnRequest) OpenSaml.unmarshall(xml.toString(StandardCharsets.UTF_8));
            String octets = "SAMLRequest=" + raw.get("SAMLRequest") + "&RelayState=" + raw.get("RelayState")
                    + (raw.containsKey("SigAlg") ? "&SigAlg=" + raw.get("SigAlg") : "");
            byte[] signature = raw.containsKey("Signature") ? Base64.getDecoder().decode(decode(raw.get("Signature"))) : null;
            return new ReceivedRequest(request, decode(raw.get("RelayState")), raw.containsKey("SigAlg") ? decode(raw.get("SigAlg")) : null,
                    signature, octets);
        } catch (Exception e) {
            throw new IllegalStateException("not an HTTP-Redirect AuthnRequest: " + redirectUrl, e);
        }
    }

    private static String decode(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** A response for {@code nameId} to be bent by the test, then {@link Login#encoded() encoded}. */
    public Login login(String nameId) {
        return new Login(nameId);
    }

    public final class Login {
        private final String nameId;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String responseIssuer = ENTITY_ID;
        private String assertionIssuer = ENTITY_ID;
        private String destination;
        private String recipient;
        private String audience;
        private String inResponseTo;
        private String status = StatusCode.SUCCESS;
        private String assertionId = "_" + UUID.randomUUID();
        private String confirmationMethod = SubjectConfirmation.METHOD_BEARER;
        private Instant now = Instant.now();
        private Instant issueInstant;
        private boolean omitIssueInstant;
        private Instant authnInstant;
        private Duration lifetime = Duration.ofMinutes(5);
        private boolean signResponse = true;
        private boolean signAssertion;
        private TestIdentityProvider signer = TestIdentityProvider.this;
        private boolean keyInfo = true;
        private String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
        private String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
        private X509Certificate encryptFor;
        private String contentEncryption = EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM;
        private boolean twoAssertions;

        private Login(String nameId) {
            this.nameId = nameId;
        }

        /** Destination, Recipient and Audience of a well-behaved IdP for this SP. */
        public Login to(String acsUrl, String spEntityId) {
            destination = acsUrl;
            recipient = acsUrl;
            audience = spEntityId;
            return this;
        }

        public Login attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public Login inResponseTo(String requestId) {
            inResponseTo = requestId;
            return this;
        }

        public Login issuer(String value) {
            responseIssuer = value;
            assertionIssuer = value;
            return this;
        }

        public Login destination(String value) {
            destination = value;
            return this;
        }

        public Login recipient(String value) {
            recipient = value;
            return this;
        }

        public Login audience(String value) {
            audience = value;
            return this;
        }

        public Login status(String value) {
            status = value;
            return this;
        }

        public Login assertionId(String value) {
            assertionId = value;
            return this;
        }

        public Login confirmationMethod(String value) {
            confirmationMethod = value;
            return this;
        }

        /** Issue the response as if the IdP's clock read {@code instant}. */
        public Login issuedAt(Instant instant) {
            now = instant;
            return this;
        }

        /**
         * Stamp the Response and Assertion with this IssueInstant (null: leave the attribute out), while
         * every validity window stays around the IdP's clock: the shape of a stale or future-dated
         * message whose windows were stretched to cover now.
         */
        public Login issueInstant(Instant instant) {
            issueInstant = instant;
            omitIssueInstant = instant == null;
            return this;
        }

        /** The AuthnStatement's AuthnInstant, when the IdP says it authenticated the user. */
        public Login authnInstant(Instant instant) {
            authnInstant = instant;
            return this;
        }

        private Instant issued() {
            return omitIssueInstant ? null : issueInstant != null ? issueInstant : now;
        }

        /** Which elements carry a signature. */
        public Login signed(boolean response, boolean assertion) {
            signResponse = response;
            signAssertion = assertion;
            return this;
        }

        public Login signedBy(TestIdentityProvider other) {
            signer = other;
            return this;
        }

        public Login withoutKeyInfo() {
            keyInfo = false;
            return this;
        }

        public Login algorithms(String signature, String digest) {
            signatureAlgorithm = signature;
            digestAlgorithm = digest;
            return this;
        }

        /** Encrypt the assertion for the SP's encryption certificate (RSA-OAEP key transport). */
        public Login encryptedFor(String spEncryptionCertificatePem, String contentAlgorithm) {
            encryptFor = Pem.toCertificate(spEncryptionCertificatePem);
            contentEncryption = contentAlgorithm;
            return this;
        }

        public Login twoAssertions() {
            twoAssertions = true;
            return this;
        }

        public String xml() {
            Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
            response.setID("_" + UUID.randomUUID());
            response.setVersion(SAMLVersion.VERSION_20);
            response.setIssueInstant(issued());
            response.setDestination(destination);
            response.setInResponseTo(inResponseTo);
            response.setIssuer(issuerElement(responseIssuer));
            Status responseStatus = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
            StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            code.setValue(status);
            responseStatus.setStatusCode(code);
            response.setStatus(responseStatus);
            if (StatusCode.SUCCESS.equals(status)) {
                Assertion assertion = assertion(assertionId);
                if (signAssertion) {
                    sign(assertion);
                }
                if (encryptFor != null) {
                    response.getEncryptedAssertions().add(encrypt(assertion));
                } else {
                    response.getAssertions().add(assertion);
                }
                if (twoAssertions) {
                    Assertion second = assertion("_" + UUID.randomUUID());
                    if (signAssertion) {
                        sign(second);
                    }
                    response.getAssertions().add(second);
                }
            }
            if (signResponse) {
                sign(response);
            } else {
                marshall(response);
            }
            return SerializeSupport.nodeToString(response.getDOM());
        }

        public String encoded() {
            return encode(xml());
        }

        private Assertion assertion(String id) {
            Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
            assertion.setID(id);
            assertion.setVersion(SAMLVersion.VERSION_20);
            assertion.setIssueInstant(issued());
            assertion.setIssuer(issuerElement(assertionIssuer));

            Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
            NameID name = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
            name.setFormat(NameIDType.EMAIL);
            name.setValue(nameId);
            subject.setNameID(name);
            SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
            confirmation.setMethod(confirmationMethod);
            SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
            data.setRecipient(recipient);
            data.setNotOnOrAfter(now.plus(lifetime));
            data.setInResponseTo(inResponseTo);
            confirmation.setSubjectConfirmationData(data);
            subject.getSubjectConfirmations().add(confirmation);
            assertion.setSubject(subject);

            Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
            conditions.setNotBefore(now.minus(Duration.ofSeconds(30)));
            conditions.setNotOnOrAfter(now.plus(lifetime));
            if (audience != null) {
                AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
                Audience sp = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
                sp.setURI(audience);
                restriction.getAudiences().add(sp);
                conditions.getAudienceRestrictions().add(restriction);
            }
            assertion.setConditions(conditions);

            AuthnStatement authn = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
            authn.setAuthnInstant(authnInstant != null ? authnInstant : now);
            authn.setSessionIndex("_session-" + UUID.randomUUID());
            AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
            AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
            context.setAuthnContextClassRef(classRef);
            authn.setAuthnContext(context);
            assertion.getAuthnStatements().add(authn);

            if (!attributes.isEmpty()) {
                AttributeStatement statement = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
                attributes.forEach((attributeName, value) -> {
                    Attribute attribute = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
                    attribute.setName(attributeName);
                    XSString text = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(XSString.TYPE_NAME)
                            .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
                    text.setValue(value);
                    attribute.getAttributeValues().add(text);
                    statement.getAttributes().add(attribute);
                });
                assertion.getAttributeStatements().add(statement);
            }
            return assertion;
        }

        private Issuer issuerElement(String value) {
            if (value == null) {
                return null;
            }
            Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
            issuer.setValue(value);
            return issuer;
        }

        private void sign(SignableSAMLObject object) {
            try {
                BasicX509Credential credential = new BasicX509Credential(signer.certificate, signer.keyPair.getPrivate());
                Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
                signature.setSigningCredential(credential);
                signature.setSignatureAlgorithm(signatureAlgorithm);
                signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
                if (keyInfo) {
                    X509KeyInfoGeneratorFactory keyInfoFactory = new X509KeyInfoGeneratorFactory();
                    keyInfoFactory.setEmitEntityCertificate(true);
                    signature.setKeyInfo(keyInfoFactory.newInstance().generate(credential));
                }
                object.setSignature(signature);
                ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
                marshall(object);
                Signer.signObject(signature);
            } catch (Exception e) {
                throw new IllegalStateException("cannot sign", e);
            }
        }

        private EncryptedAssertion encrypt(Assertion assertion) {
            try {
                DataEncryptionParameters data = new DataEncryptionParameters();
                data.setAlgorithm(contentEncryption);
                KeyEncryptionParameters key = new KeyEncryptionParameters();
                key.setEncryptionCredential(new BasicX509Credential(encryptFor));
                key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
                Encrypter encrypter = new Encrypter(data, key);
                encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
                return encrypter.encrypt(assertion);
            } catch (Exception e) {
                throw new IllegalStateException("cannot encrypt", e);
            }
        }
    }

    private static void marshall(XMLObject object) {
        try {
            XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
