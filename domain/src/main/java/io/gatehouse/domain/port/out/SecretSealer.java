package io.gatehouse.domain.port.out;

/**
 * Seals secrets Gatehouse must be able to read again (a workspace connection's client secret) under the master key.
 * The {@code context} names the record a secret belongs to: a sealed secret copied to another record does not open.
 */
public interface SecretSealer {

    String seal(String secret, String context);

    /** @throws IllegalStateException when the sealed text was made with another master key, for another context, or altered */
    String open(String sealed, String context);

    /** The context of a workspace connection's client secret. */
    static String clientSecretContext(io.gatehouse.domain.model.WorkspaceId workspace) {
        return "oidc-client-secret:" + workspace;
    }
}
