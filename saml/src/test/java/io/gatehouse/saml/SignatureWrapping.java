package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The classic XML signature wrapping shapes (Somorovsky et al., "On Breaking SAML: Be Whoever You
 * Want to Be", USENIX Security 2012, XSW1–XSW8), applied to a response the test IdP signed: the
 * signed element is kept somewhere the signature still verifies, and an unsigned element saying
 * what the attacker wants is put where a careless SP reads.
 */
public final class SignatureWrapping {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private SignatureWrapping() {
    }

    /** The wrapping shapes; each says where the signed original goes and what the evil element carries. */
    public enum Shape {
        /** XSW1: an evil Response carrying the original's Signature, with the signed original inside that Signature's ds:Object. */
        RESPONSE_WITH_ORIGINAL_IN_SIGNATURE_OBJECT(ErrorCode.SAML_SIGNATURE_INVALID),
        /** XSW2: an unsigned evil Response with the signed original inside samlp:Extensions. */
        RESPONSE_WITH_ORIGINAL_IN_EXTENSIONS(ErrorCode.SAML_SIGNATURE_MISSING),
        /** XSW3: an unsigned evil Assertion placed before the signed original, as a sibling. */
        ASSERTION_SIBLING_BEFORE_ORIGINAL(ErrorCode.SAML_ASSERTION_COUNT),
        /** XSW4: an unsigned evil Assertion wrapping the signed original as its child. */
        ASSERTION_WRAPPING_ORIGINAL(ErrorCode.SAML_SIGNATURE_MISSING),
        /** XSW5: an evil Assertion carrying the original's Signature; the original, now unsigned, moved to samlp:Extensions. */
        ASSERTION_WITH_COPIED_SIGNATURE(ErrorCode.SAML_SIGNATURE_INVALID),
        /** XSW7: an unsigned evil Assertion with the signed original inside its Advice. */
        ASSERTION_WITH_ORIGINAL_IN_ADVICE(ErrorCode.SAML_SIGNATURE_MISSING),
        /** XSW8: an evil Assertion carrying the original's Signature, with the signed original inside its ds:Object. */
        ASSERTION_WITH_ORIGINAL_IN_SIGNATURE_OBJECT(ErrorCode.SAML_SIGNATURE_INVALID),
        /**
         * XSW7 with the original's Signature copied into the evil Assertion: the original sits in the evil
         * Assertion's Advice, where OpenSAML registers its ID, so the copied Reference resolves and the
         * cryptography verifies. Only the profile check (the Reference must name the signed element's own
         * ID) refuses it.
         */
        ASSERTION_WITH_COPIED_SIGNATURE_AND_ORIGINAL_IN_ADVICE(ErrorCode.SAML_SIGNATURE_INVALID),
        /** The evil Assertion takes the original's ID and Signature; the original, same ID, is hidden in Extensions. */
        ASSERTION_WITH_DUPLICATE_ID(ErrorCode.SAML_SIGNATURE_INVALID);

        private final ErrorCode refusal;

        Shape(ErrorCode refusal) {
            this.refusal = refusal;
        }

        /** Why Gatehouse refuses this shape: the signature does not cover the element used, is absent, or two assertions. */
        public ErrorCode refusal() {
            return refusal;
        }
    }

    /** Applies {@code shape} to {@code signedXml}, writing {@code evilNameId} into the evil element's NameID and attributes. */
    public static String apply(Shape shape, String signedXml, String evilNameId) {
        Document document = parse(signedXml);
        Element response = document.getDocumentElement();
        switch (shape) {
            case RESPONSE_WITH_ORIGINAL_IN_SIGNATURE_OBJECT -> {
                Element evil = evilCopy(response, evilNameId, true);
                Element signature = (Element) child(response, DS, "Signature").cloneNode(true);
                Element object = document.createElementNS(DS, "ds:Object");
                object.appendChild(unsigned((Element) response.cloneNode(true)));
                signature.appendChild(object);
                evil.insertBefore(signature, child(evil, SAMLP, "Status"));
                return serialize(replaceRoot(document, evil));
            }
            case RESPONSE_WITH_ORIGINAL_IN_EXTENSIONS -> {
                Element evil = evilCopy(response, evilNameId, true);
                Element extensions = document.createElementNS(SAMLP, "samlp:Extensions");
                extensions.appendChild(response.cloneNode(true));
                evil.insertBefore(extensions, child(evil, SAMLP, "Status"));
                return serialize(replaceRoot(document, evil));
            }
            case ASSERTION_SIBLING_BEFORE_ORIGINAL -> {
                Element original = child(response, SAML, "Assertion");
                response.insertBefore(evilCopy(original, evilNameId, true), original);
                return serialize(document);
            }
            case ASSERTION_WRAPPING_ORIGINAL -> {
                Element original = child(response, SAML, "Assertion");
                Element evil = evilCopy(original, evilNameId, true);
                response.replaceChild(evil, original);
                evil.appendChild(original);
                return serialize(document);
            }
            case ASSERTION_WITH_COPIED_SIGNATURE -> {
                Element original = child(response, SAML, "Assertion");
                Element evil = evilCopy(original, evilNameId, false);
                response.replaceChild(evil, original);
                response.insertBefore(extensionsWith(document, unsigned(original)), child(response, SAMLP, "Status"));
                return serialize(document);
            }
            case ASSERTION_WITH_ORIGINAL_IN_ADVICE -> {
                return serialize(originalInAdvice(document, response, evilNameId, false));
            }
            case ASSERTION_WITH_COPIED_SIGNATURE_AND_ORIGINAL_IN_ADVICE -> {
                return serialize(originalInAdvice(document, response, evilNameId, true));
            }
            case ASSERTION_WITH_ORIGINAL_IN_SIGNATURE_OBJECT -> {
                Element original = child(response, SAML, "Assertion");
                Element evil = evilCopy(original, evilNameId, false);
                response.replaceChild(evil, original);
                Element object = document.createElementNS(DS, "ds:Object");
                object.appendChild(unsigned(original));
                child(evil, DS, "Signature").appendChild(object);
                return serialize(document);
            }
            case ASSERTION_WITH_DUPLICATE_ID -> {
                Element original = child(response, SAML, "Assertion");
                Element evil = evilCopy(original, evilNameId, false);
                evil.setAttribute("ID", original.getAttribute("ID"));
                response.replaceChild(evil, original);
                response.insertBefore(extensionsWith(document, unsigned(original)), child(response, SAMLP, "Status"));
                return serialize(document);
            }
            default -> throw new IllegalArgumentException(shape.name());
        }
    }

    /** Replaces the text of the first element named {@code localName} after signing: the signature no longer matches. */
    public static String tamper(String signedXml, String localName, String newText) {
        Document document = parse(signedXml);
        Element element = (Element) document.getElementsByTagNameNS("*", localName).item(0);
        element.setTextContent(newText);
        return serialize(document);
    }

    /** The evil Assertion replaces the original, which goes into its Advice; with {@code moveSignature} the signature moves too. */
    private static Document originalInAdvice(Document document, Element response, String evilNameId, boolean moveSignature) {
        Element original = child(response, SAML, "Assertion");
        Element evil = evilCopy(original, evilNameId, !moveSignature);
        response.replaceChild(evil, original);
        Element advice = document.createElementNS(SAML, "saml2:Advice");
        advice.appendChild(moveSignature ? unsigned(original) : original);
        evil.insertBefore(advice, child(evil, SAML, "AuthnStatement"));
        return document;
    }

    /**
     * The signed original without its Signature, which the attacker moved to the evil element: what the
     * enveloped-signature transform digests is exactly this, so the moved signature still verifies over it.
     */
    private static Element unsigned(Element original) {
        Element signature = child(original, DS, "Signature");
        if (signature != null) {
            original.removeChild(signature);
        }
        return original;
    }

    private static Element extensionsWith(Document document, Element content) {
        Element extensions = document.createElementNS(SAMLP, "samlp:Extensions");
        extensions.appendChild(content);
        return extensions;
    }

    /** A deep copy with a fresh ID, the attacker's identity and, if asked, no Signature. */
    private static Element evilCopy(Element original, String evilNameId, boolean dropSignature) {
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evil-" + UUID.randomUUID());
        if (dropSignature) {
            Element signature = child(evil, DS, "Signature");
            if (signature != null) {
                evil.removeChild(signature);
            }
        }
        NodeList names = evil.getElementsByTagNameNS(SAML, "NameID");
        for (int i = 0; i < names.getLength(); i++) {
            names.item(i).setTextContent(evilNameId);
        }
        NodeList values = evil.getElementsByTagNameNS(SAML, "AttributeValue");
        for (int i = 0; i < values.getLength(); i++) {
            Element value = (Element) values.item(i);
            if (value.getTextContent().contains("@")) {
                value.setTextContent(evilNameId);
            }
        }
        return evil;
    }

    private static Document replaceRoot(Document document, Element newRoot) {
        document.replaceChild(newRoot, document.getDocumentElement());
        return document;
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serialize(Document document) {
        return SerializeSupport.nodeToString(document.getDocumentElement());
    }
}
