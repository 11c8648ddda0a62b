package id.pemilu.partyregistry.member;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param nikEncryptionKey   AES-256 key (base64) for NIKs at rest
 * @param maxImportBytes     largest member file accepted
 * @param complaintAnswerDays days a party has to answer a citizen's complaint
 */
@ConfigurationProperties("pemilu.members")
public record MemberProperties(String nikEncryptionKey, long maxImportBytes, int complaintAnswerDays) {
}
