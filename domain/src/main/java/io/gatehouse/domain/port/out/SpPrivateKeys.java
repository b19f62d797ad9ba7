package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;

/** Opens a workspace's SP private keys (stored encrypted with the master key) as PKCS#8 DER, for the SAML adapter only. */
public interface SpPrivateKeys {

    byte[] signingKey(WorkspaceId workspace, SpKeys keys);

    byte[] encryptionKey(WorkspaceId workspace, SpKeys keys);
}
