package io.gatehouse.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OpenSAML's one-time initialisation, done lazily on first SAML use (it costs hundreds of
 * milliseconds, which start-up should not pay), and the parser every SAML document goes through.
 *
 * <p>The parser pool is configured explicitly rather than trusting defaults (SAML-NOTES 1; OWASP XML
 * External Entity Prevention Cheat Sheet): secure processing on, any DOCTYPE refused at parse time
 * (so no DTD, no entity expansion, no billion laughs), external entities and XInclude off, comments
 * ignored (a comment cannot split a value into a truncated prefix), text coalesced.
 */
final class OpenSaml {

    /** Upper bound on a SAML document's size before parsing (metadata, responses). */
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private static volatile BasicParserPool parserPool;

    private OpenSaml() {
    }

    static BasicParserPool parserPool() {
        BasicParserPool pool = parserPool;
        if (pool == null) {
            synchronized (OpenSaml.class) {
                pool = parserPool;
                if (pool == null) {
                    pool = initialise();
                    parserPool = pool;
                }
            }
        }
        return pool;
    }

    /** Parses and unmarshalls a document; a DOCTYPE, malformed XML or an unknown root element fails. */
    static XMLObject unmarshall(String xml) throws XMLParserException, UnmarshallingException {
        return unmarshall(xml.getBytes(StandardCharsets.UTF_8));
    }

    static XMLObject unmarshall(byte[] bytes) throws XMLParserException, UnmarshallingException {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new XMLParserException("document larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        Document document = parserPool().parse(new ByteArrayInputStream(bytes));
        Element root = document.getDocumentElement();
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
        if (unmarshaller == null) {
            throw new UnmarshallingException("unknown root element " + root.getLocalName());
        }
        return unmarshaller.unmarshall(root);
    }

    static String marshall(XMLObject object) {
        parserPool();
        try {
            Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
            return SerializeSupport.prettyPrintXML(element);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshall " + object.getElementQName(), e);
        }
    }

    /** The compact serialisation, for messages sent over the wire (no pretty-printing whitespace). */
    static String marshallCompact(XMLObject object) {
        parserPool();
        try {
            Element element = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
            return SerializeSupport.nodeToString(element);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshall " + object.getElementQName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(javax.xml.namespace.QName name) {
        parserPool();
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(name).buildObject(name);
    }

    private static BasicParserPool initialise() {
        try {
            InitializationService.initialize();
        } catch (InitializationException e) {
            throw new IllegalStateException("OpenSAML could not initialise", e);
        }
        BasicParserPool pool = new BasicParserPool();
        pool.setMaxPoolSize(50);
        pool.setNamespaceAware(true);
        pool.setIgnoreComments(true);
        pool.setIgnoreElementContentWhitespace(true);
        pool.setCoalescing(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        features.put("http://apache.org/xml/features/disallow-doctype-decl", true);
        features.put("http://xml.org/sax/features/external-general-entities", false);
        features.put("http://xml.org/sax/features/external-parameter-entities", false);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        pool.setBuilderFeatures(features);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("the SAML parser pool could not be configured", e);
        }
        XMLObjectProviderRegistrySupport.setParserPool(pool);
        return pool;
    }
}
