package id.pemilu.recap.submission;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The public copy of a photo, re-encoded without any metadata, id = SHA-256 of the original it was made from.
 * {@code copySha256} is the hash of these public bytes.
 */
@Document("photo_public")
record PublicPhoto(@Id String sha256, String copySha256, String contentType, int width, int height, String tpsCode,
                   byte[] bytes) {
}
