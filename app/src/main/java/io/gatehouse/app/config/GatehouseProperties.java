package io.gatehouse.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Instance-wide settings ({@code GATEHOUSE_PUBLIC_URL}, {@code GATEHOUSE_REDIRECT_ALLOWED_ORIGINS},
 * {@code GATEHOUSE_BOOTSTRAP_ADMIN_EMAIL}, {@code GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD},
 * {@code GATEHOUSE_MASTER_KEY}, {@code GATEHOUSE_DATA_DIR}).
 */
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
        @Nullable String publicUrl,
        @Bindable(defaultValue = "") List<String> redirectAllowedOrigins,
        @Nullable String bootstrapAdminEmail,
        @Nullable String bootstrapAdminPassword,
        @Nullable String masterKey,
        @Bindable(defaultValue = "./data") String dataDir) {

    @Override
    public String toString() {
        return "GatehouseProperties[publicUrl=" + publicUrl + ", redirectAllowedOrigins=" + redirectAllowedOrigins
                + ", bootstrapAdminEmail=" + bootstrapAdminEmail + ", bootstrapAdminPassword=redacted, masterKey=redacted, dataDir="
                + dataDir + "]";
    }
}
