package org.outward.backends.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Sealed vault contents in an S3-compatible bucket, one object per item under {@value #PREFIX}. The objects are
 * ciphertext under keys only the links hold, so the bucket alone reveals no attachment.
 *
 * <p>Errors reach callers as {@link IOException}s naming only the exception type: the SDK's messages can carry
 * request details.
 */
public final class S3Contents implements AutoCloseable {

    static final String PREFIX = "items/";

    /** A stored object's key and when it was written. */
    record Stored(String key, Instant lastModified) {
    }

    private final S3Client client;
    private final String bucket;

    public S3Contents(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** Throws when the bucket cannot be reached now. */
    void checkReachable() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw failure("reach the bucket", e);
        }
    }

    /** Creates the bucket if it does not exist yet (an admin may also create it beforehand). */
    public void ensureBucket() throws IOException {
        try {
            client.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception missing) {
            if (missing.statusCode() != 404) {
                throw failure("reach the bucket", missing);
            }
            try {
                client.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another node made it first
            } catch (SdkException e) {
                throw failure("create the bucket", e);
            }
        } catch (SdkException e) {
            throw failure("reach the bucket", e);
        }
    }

    void put(String key, Path sealed) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream"),
                    RequestBody.fromFile(sealed));
        } catch (SdkException e) {
            throw failure("store", e);
        }
    }

    /** The object's bytes as a stream the caller closes; empty when there is no such object. */
    Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(client.getObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", e);
        }
    }

    void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete", e);
        }
    }

    boolean exists(String key) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            // A HEAD answer has no body, so a missing object is told by its status alone.
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up", e);
        } catch (SdkException e) {
            throw failure("look up", e);
        }
    }

    List<Stored> list() throws IOException {
        try {
            List<Stored> all = new ArrayList<>();
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).contents()) {
                all.add(new Stored(object.key(), object.lastModified()));
            }
            return all;
        } catch (SdkException e) {
            throw failure("list", e);
        }
    }

    private static IOException failure(String what, SdkException e) {
        return new IOException("object store: cannot " + what + " (" + e.getClass().getSimpleName() + ")");
    }

    @Override
    public void close() {
        client.close();
    }
}
