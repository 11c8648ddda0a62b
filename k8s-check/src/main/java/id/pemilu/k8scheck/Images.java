package id.pemilu.k8scheck;

/** Container image references: {@code name[:tag][@digest]}, the name possibly with a registry and port. */
final class Images {

    private Images() {
    }

    /** The image without tag and digest. */
    static String name(String image) {
        String s = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        return colon > slash ? s.substring(0, colon) : s;
    }

    /** The tag, or null when there is none. */
    static String tag(String image) {
        String s = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = s.lastIndexOf('/');
        int colon = s.lastIndexOf(':');
        return colon > slash ? s.substring(colon + 1) : null;
    }

    static boolean hasDigest(String image) {
        return image.contains("@sha256:");
    }
}
