package io.gatehouse.crypto;

import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SpPrivateKeys;

/**
 * Opens the SP private keys sealed by {@link SelfSignedSpKeyGenerator}. The master-key context binds
 * each sealed key to its workspace and purpose, so a key copied into another workspace's row, or the
 * signing key put in the encryption slot, fails to open instead of being used.
 */
public final class SealedSpPrivateKeys implements SpPrivateKeys {

    private final MasterKey masterKey;

    public SealedSpPrivateKeys(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public byte[] signingKey(WorkspaceId workspace, SpKeys keys) {
        return masterKey.decrypt(keys.encryptedSigningKey(), SelfSignedSpKeyGenerator.keyContext(workspace, "signing"));
    }

    @Override
    public byte[] encryptionKey(WorkspaceId workspace, SpKeys keys) {
        return masterKey.decrypt(keys.encryptedEncryptionKey(), SelfSignedSpKeyGenerator.keyContext(workspace, "encryption"));
    }
}
