package id.pemilu.partyregistry.member.file;

/** The member file cannot be read as a whole (wrong columns, bad encoding, no rows, too large); nothing is imported. */
public class MalformedFileException extends RuntimeException {

    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
