package io.gatehouse.crypto.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The database key ring as micronaut-security-jwt's signature extension point: the framework's
 * {@code JwtTokenGenerator} signs through it, and its token validator verifies every presented JWT
 * through it before any claim validator runs.
 *
 * <p>Verification accepts only what Gatehouse itself issues (RFC 8725 3.1, 3.11): {@code alg} one of
 * the ring's {@link SigningAlgorithm}s and the very algorithm of the key the {@code kid} names (so
 * {@code none}, HS256 keyed with a published public key, or ES256 under an RSA key's kid never reach
 * a verifier), {@code typ} JWT, and a {@code kid} naming one of our keys inside its overlap. The framework offers
 * no key selection by kid over a changing set of local keys, hence this class.
 */
public final class KeyRingSignature implements SignatureGeneratorConfiguration {

    private final SigningKeyRing ring;

    public KeyRingSignature(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        SigningKeyRing.Keys keys = ring.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.signingAlgorithm()).keyID(keys.signingKid()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(keys.signer());
        return jwt;
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        JWSHeader header = jwt.getHeader();
        String kid = header.getKeyID();
        if (!supports(header.getAlgorithm()) || kid == null || !JOSEObjectType.JWT.equals(header.getType())) {
            return false;
        }
        SigningKeyRing.Keys keys = ring.knowing(kid);
        Optional<JWSVerifier> verifier = keys.verifierFor(kid, header.getAlgorithm(), ring.clock().instant());
        if (verifier.isEmpty()) {
            return false;
        }
        String token = jwt.getParsedString();
        if (token != null && keys.verified().containsKey(token)) {
            return true;
        }
        boolean valid = jwt.verify(verifier.get());
        if (valid && token != null) {
            keys.rememberVerified(token, jwt);
        }
        return valid;
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return SigningAlgorithm.of(algorithm).isPresent();
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the " + Arrays.toString(SigningAlgorithm.values()) + " JWS algorithms are supported";
    }
}
