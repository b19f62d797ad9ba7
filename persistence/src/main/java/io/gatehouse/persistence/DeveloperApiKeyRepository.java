package io.gatehouse.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeveloperApiKeyRepository extends GenericRepository<DeveloperApiKeyRow, UUID> {

    DeveloperApiKeyRow save(DeveloperApiKeyRow row);

    Optional<DeveloperApiKeyRow> findById(UUID userId);

    Optional<DeveloperApiKeyRow> findByApiKey(String apiKey);

    @Query("DELETE FROM developer_api_keys WHERE user_id = :userId")
    int deleteForUser(UUID userId);
}
