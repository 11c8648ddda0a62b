package id.pemilu.portal.results;

import id.pemilu.portal.charts.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The charts and rows of a result page, from recap-service's public numbers and (optionally) the DCT's names. */
final class ResultCharts {

    private ResultCharts() {
    }

    /** Names from the DCT of a dapil; {@link #NONE} where only numbers are known. */
    interface Names {
        String party(int number);

        String candidate(int party, int number);

        String single(int number);
    }

    static final Names NONE = new Names() {
        @Override
        public String party(int number) {
            return null;
        }

        @Override
        public String candidate(int party, int number) {
            return null;
        }

        @Override
        public String single(int number) {
            return null;
        }
    };

    /** A participant of the ballot (pair, candidate or party) with its votes; for a party its own and its candidates. */
    record Participant(String label, long votes, String color, Long own, Long candidateVotes,
                       List<Participant> candidates) {
    }

    static List<Participant> participants(String ballotType, Map<String, Long> values, Names names) {
        List<Participant> out = new ArrayList<>();
        if (Tally.legislative(ballotType)) {
            List<Tally.Party> parties = Tally.parties(values);
            for (int i = 0; i < parties.size(); i++) {
                Tally.Party p = parties.get(i);
                List<Participant> candidates = new ArrayList<>();
                for (Tally.Candidate c : p.candidates()) {
                    String name = names.candidate(p.number(), c.number());
                    candidates.add(new Participant(c.number() + ". " + (name == null ? "Calon nomor " + c.number()
                            : name), c.votes(), null, null, null, List.of()));
                }
                String name = names.party(p.number());
                out.add(new Participant(p.number() + ". " + (name == null ? "Partai nomor " + p.number() : name),
                        p.total(), Svg.colour(i), p.own(), p.candidateVotes(), candidates));
            }
            return out;
        }
        List<Tally.Candidate> candidates = Tally.candidates(values);
        String prefix = ballotType.equals("DPD") ? "Calon nomor " : "Paslon nomor ";
        for (int i = 0; i < candidates.size(); i++) {
            Tally.Candidate c = candidates.get(i);
            String name = names.single(c.number());
            out.add(new Participant(name == null ? prefix + c.number() : c.number() + ". " + name, c.votes(),
                    Svg.colour(i), null, null, List.of()));
        }
        return out;
    }

    static String bars(String id, String title, List<Participant> participants) {
        return Svg.bars(id, title, participants.stream()
                .map(p -> new Svg.Bar(p.label(), p.votes(), p.color())).toList());
    }

    /** TPS of a region: counted (confirmed, verified or corrected), flagged (not counted), not reported. */
    static List<Svg.Segment> tpsSegments(long counted, long flagged, long total) {
        return List.of(new Svg.Segment("dihitung", counted, Svg.COUNTED),
                new Svg.Segment("ditandai, tidak dihitung", flagged, Svg.FLAGGED),
                new Svg.Segment("belum melapor", Math.max(0, total - counted - flagged), Svg.NOT_REPORTED));
    }

    static String progress(String id, Map<String, Object> progress) {
        long counted = num(progress.get("submitted")) + num(progress.get("verified")) + num(progress.get("corrected"));
        return Svg.stacked(id, "TPS yang melapor", tpsSegments(counted, num(progress.get("flagged")),
                num(progress.get("tpsTotal"))));
    }

    /** Per sub-region: vote shares per participant, and under them its TPS counted / flagged / not reported. */
    static String comparison(String id, String ballotType, List<Map<String, Object>> children) {
        List<Svg.Row> rows = new ArrayList<>();
        List<List<Svg.Segment>> progress = new ArrayList<>();
        for (Map<String, Object> child : children) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> values = child.get("values") instanceof List<?> l
                    ? (List<Map<String, Object>>) l : List.of();
            List<Svg.Segment> segments = participants(ballotType, Tally.of(values), NONE).stream()
                    .map(p -> new Svg.Segment(p.label(), p.votes(), p.color())).toList();
            long counted = num(child.get("countedTps"));
            long flagged = num(child.get("flaggedTps"));
            long total = num(child.get("tpsTotal"));
            String note = counted + " dari " + total + " TPS dihitung"
                    + (flagged > 0 ? ", " + flagged + " ditandai (tidak dihitung)" : "");
            rows.add(new Svg.Row(String.valueOf(child.get("name")), segments, note));
            progress.add(tpsSegments(counted, flagged, total));
        }
        return Svg.comparison(id, "Perbandingan per wilayah", rows, progress);
    }

    static long num(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
