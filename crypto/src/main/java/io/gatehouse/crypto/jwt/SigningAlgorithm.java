package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The JWS algorithms the key ring signs access tokens with (RFC 7518 3.3 and 3.4), each bound to its
 * own key type: a stored key is only ever used with the algorithm it was generated for (RFC 8725 3.1).
 * RS256 is the default (every JWT library verifies it, OpenID Connect requires it of every provider
 * for ID tokens, and RSA verifies cheaper than ECDSA); ES256 signs ~4x faster (0.4 against 1.5 ms
 * measured), and the signature is most of what a refresh rotation costs with RS256 (README, "Against
 * Keycloak"). Verification costs little either way after the first request: the ring remembers tokens
 * it verified.
 */
public enum SigningAlgorithm {

    RS256(JWSAlgorithm.RS256, "RSA") {
        @Override
        KeyPair generate() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }

        @Override
        JWK publicJwk(PublicKey key, String kid) {
            return new RSAKey.Builder((RSAPublicKey) key).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws()).build();
        }

        @Override
        JWSSigner signer(PrivateKey privateKey) {
            // A PKCS#8 RSA key is read with its CRT parameters, which make a signature ~3x cheaper.
            return new RSASSASigner((RSAPrivateKey) privateKey);
        }

        @Override
        JWSVerifier verifier(PublicKey key) {
            return new RSASSAVerifier((RSAPublicKey) key);
        }
    },

    ES256(JWSAlgorithm.ES256, "EC") {
        @Override
        KeyPair generate() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }

        @Override
        JWK publicJwk(PublicKey key, String kid) {
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) key).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jws()).build();
        }

        @Override
        JWSSigner signer(PrivateKey privateKey) throws JOSEException {
            return new ECDSASigner((ECPrivateKey) privateKey);
        }

        @Override
        JWSVerifier verifier(PublicKey key) throws JOSEException {
            return new ECDSAVerifier((ECPublicKey) key);
        }
    };

    private final JWSAlgorithm jws;
    private final String keyType;

    SigningAlgorithm(JWSAlgorithm jws, String keyType) {
        this.jws = jws;
        this.keyType = keyType;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** The algorithm a JWS header names, if the ring can use it. */
    public static Optional<SigningAlgorithm> of(JWSAlgorithm algorithm) {
        return Arrays.stream(values()).filter(value -> value.jws.equals(algorithm)).findFirst();
    }

    /** The configured name ({@code GATEHOUSE_JWT_ALGORITHM}), or an exception that lists the names accepted. */
    public static SigningAlgorithm named(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown JWT signing algorithm '" + name + "': use one of "
                        + Arrays.toString(values())));
    }

    abstract KeyPair generate() throws GeneralSecurityException;

    abstract JWK publicJwk(PublicKey key, String kid);

    abstract JWSSigner signer(PrivateKey privateKey) throws JOSEException;

    abstract JWSVerifier verifier(PublicKey key) throws JOSEException;

    /** RFC 7638 thumbprint: the kid names the key itself, so two nodes never give one kid to different keys. */
    String thumbprint(PublicKey key) throws JOSEException {
        return publicJwk(key, null).computeThumbprint().toString();
    }

    PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(keyType).generatePublic(new X509EncodedKeySpec(x509));
    }

    PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(keyType).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
