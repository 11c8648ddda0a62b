package id.pemilu.recap.determination;

import java.util.List;

/** One legislative dapil: its seats and parties (with candidates) and their counted votes. */
public record DapilInput(String code, String name, int seats, List<PartyInput> parties) {

    public DapilInput {
        if (seats < 0) {
            throw new IllegalArgumentException("Jumlah kursi tidak boleh negatif: " + code);
        }
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
