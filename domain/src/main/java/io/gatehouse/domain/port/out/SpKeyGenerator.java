package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;

/** Makes a workspace's SP signing and encryption key pairs (RSA, self-signed certificates, keys encrypted at rest). */
public interface SpKeyGenerator {

    SpKeys generate(WorkspaceId workspaceId);
}
