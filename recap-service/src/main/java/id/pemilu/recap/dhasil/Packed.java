package id.pemilu.recap.dhasil;

/** Numbers of a D.Hasil row packed as {@code "121,133,254"} in the order of the document's keys. */
public final class Packed {

    private Packed() {
    }

    public static String pack(long[] numbers) {
        StringBuilder out = new StringBuilder(numbers.length * 5);
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(numbers[i]);
        }
        return out.toString();
    }

    public static long[] unpack(String packed) {
        if (packed == null || packed.isEmpty()) {
            return new long[0];
        }
        int count = 1;
        for (int i = 0; i < packed.length(); i++) {
            if (packed.charAt(i) == ',') {
                count++;
            }
        }
        long[] out = new long[count];
        int n = 0;
        long value = 0;
        boolean negative = false;
        for (int i = 0; i < packed.length(); i++) {
            char c = packed.charAt(i);
            if (c == ',') {
                out[n++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else if (c == '-') {
                negative = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else {
                throw new IllegalArgumentException("Angka D.Hasil tidak sah: " + packed);
            }
        }
        out[n] = negative ? -value : value;
        return out;
    }
}
