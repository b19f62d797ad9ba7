package io.gatehouse.saml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.XSURI;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;

/** The text values of an assertion's attributes (SAML core 2.7.3), by attribute Name. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, List<String>> of(Assertion assertion) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() == null) {
                    continue;
                }
                List<String> texts = values.computeIfAbsent(attribute.getName(), name -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    String text = text(value);
                    if (text != null) {
                        texts.add(text);
                    }
                }
            }
        }
        return values;
    }

    private static String text(XMLObject value) {
        if (value instanceof XSString string) {
            return string.getValue();
        }
        if (value instanceof XSAny any) {
            return any.getTextContent();
        }
        if (value instanceof XSURI uri) {
            return uri.getURI();
        }
        return value.getDOM() == null ? null : value.getDOM().getTextContent();
    }
}
