package dev.erpgraph.security.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.erpgraph.access.PrincipalKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_keys} table. Timestamps go in and out as {@link OffsetDateTime} in UTC,
 * which both PostgreSQL's driver and H2 bind for {@code timestamp with time zone}.
 */
@Repository
class ApiKeyStore {

    private static final String COLUMNS = "id, name, principal_kind, scopes, partner_id, prefix, created_at, "
            + "expires_at, revoked_at, created_by";

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new key's record under its hash and answers it with its id. */
    ApiKey insert(ApiKey key, String keyHash) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_keys (name, principal_kind, scopes, partner_id, key_hash, prefix, created_at,
                                      expires_at, revoked_at, created_by)
                values (:name, :kind, :scopes, :partnerId, :keyHash, :prefix, :createdAt, :expiresAt, null,
                        :createdBy)
                """)
            .param("name", key.name())
            .param("kind", key.principalKind().name())
            .param("scopes", String.join(" ", key.scopes()))
            .param("partnerId", key.partnerId())
            .param("keyHash", keyHash)
            .param("prefix", key.prefix())
            .param("createdAt", utc(key.createdAt()))
            .param("expiresAt", utc(key.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
            .param("createdBy", key.createdBy())
            .update(id, "id");
        return new ApiKey(id.getKey().longValue(), key.name(), key.principalKind(), key.scopes(), key.partnerId(),
                key.prefix(), key.createdAt(), key.expiresAt(), null, key.createdBy());
    }

    Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where key_hash = :keyHash")
            .param("keyHash", keyHash)
            .query(ApiKeyStore::apiKey)
            .optional();
    }

    Optional<ApiKey> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where id = :id")
            .param("id", id)
            .query(ApiKeyStore::apiKey)
            .optional();
    }

    /**
     * Revokes the key at {@code now}, unless it already was: the first revocation's time
     * stands. Empty when there is no such key.
     */
    Optional<ApiKey> revoke(long id, Instant now) {
        jdbc.sql("update api_keys set revoked_at = :now where id = :id and revoked_at is null")
            .param("now", utc(now))
            .param("id", id)
            .update();
        return findById(id);
    }

    private static ApiKey apiKey(ResultSet row, int rowNumber) throws SQLException {
        List<String> scopes = Arrays.stream(row.getString("scopes").split(" ")).filter(s -> !s.isEmpty()).toList();
        return new ApiKey(row.getLong("id"), row.getString("name"),
                PrincipalKind.valueOf(row.getString("principal_kind")), scopes, row.getString("partner_id"),
                row.getString("prefix"), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "revoked_at"), row.getString("created_by"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
    }

}
