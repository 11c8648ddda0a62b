# Demo penetapan (recap-service): hasil DPR untuk dapil DKI Jakarta II di tiga TPS Gambir, penetapan PPWP dan kursi
# DPR dengan tabel bilangan pembagi Sainte-Laguë, dan peringatan "apakah TPS yang tersisa masih dapat mengubah hasil".
# Sourced by ./suite demo after demo/recap-service.sh (uses api, step, jq; runs under set -euo pipefail).
# CONTOH DEMO: DCT dapil DKI Jakarta II dan semua nama calon di bawah adalah data rekaan, bukan data resmi KPU.
DET_DAPIL=DPR-31-2
DET_TPS=(31.71.01.1001.001 31.71.01.1001.002 31.71.01.1001.003)
DET_KPPS=(kpps.gambir.1 kpps.gambir.2 kpps.gambir.3)
# Votes per TPS: per party "own candidate1 candidate2 ..." (pnb = 1, pkr = 2, phl = 3 as drawn in Silon's demo)
DET_VOTES=(
  "20 60 25 10 5 3 2|10 35 20 5 3 2|2 4 1"
  "18 55 30 8 4 2 1|12 40 18 6 2 1|1 5 0"
  "22 58 28 12 6 2 3|9 30 22 4 2 1|2 3 1"
)

det_dct() {
  jq -nc --arg code "$DET_DAPIL" '
    def cands($names; $genders): [range(0; $names | length) as $i
      | {number: ($i + 1), name: $names[$i], gender: $genders[$i]}];
    {body: "DPR", dapilCode: $code, dapilName: "DKI Jakarta II", seats: 7, dctVersion: 1,
     regionCodes: ["31.71", "31.74"],
     parties: [
      {partyId: "pnb", ballotNumber: 1, partyName: "Partai Nusantara Baru",
       candidates: cands(["Sari Wulandari", "Hendra Wijaya", "Lia Kartika", "Rudi Hartono", "Nina Puspita", "Agus Salim"];
                         ["P", "L", "P", "L", "P", "L"])},
      {partyId: "pkr", ballotNumber: 2, partyName: "Partai Karya Rakyat",
       candidates: cands(["Maya Sari", "Joko Susilo", "Tari Anggraini", "Bambang Irawan", "Wulan Dari"];
                         ["P", "L", "P", "L", "P"])},
      {partyId: "phl", ballotNumber: 3, partyName: "Partai Hijau Lestari",
       candidates: cands(["Rina Wati", "Dodi Permana"]; ["P", "L"])}]}'
}

# det_form DPT_MEN DPT_WOMEN INVALID "party|party|..." -> a consistent C.Hasil DPR as a JSON list of {key,value}
det_form() {
  local votes='[' sep='' p=0 party n
  IFS='|' read -r -a parties <<< "$4"
  for party in "${parties[@]}"; do
    p=$((p + 1)); n=0
    for v in $party; do
      if [ $n = 0 ]; then votes+="$sep{\"key\":\"votes.party.$p\",\"value\":$v}"
      else votes+="$sep{\"key\":\"votes.party.$p.candidate.$n\",\"value\":$v}"; fi
      sep=','; n=$((n + 1))
    done
  done
  jq -nc --argjson m "$1" --argjson w "$2" --argjson inv "$3" --argjson votes "$votes]" '
    ($votes | map(.value) | add) as $valid | ($valid + $inv) as $voted
    | ([($voted / 2 | floor), $m] | min) as $vm | ($voted - $vm) as $vw
    | (($m + $w) + ((($m + $w) * 2 + 99) / 100 | floor)) as $recv
    | def row($r; $a; $b): [{key: "\($r).men", value: $a}, {key: "\($r).women", value: $b},
                            {key: "\($r).total", value: ($a + $b)}];
    row("dpt"; $m; $w) + row("dptb"; 0; 0) + row("dpk"; 0; 0) + row("all"; $m; $w)
    + row("voted.dpt"; $vm; $vw) + row("voted.dptb"; 0; 0) + row("voted.dpk"; 0; 0) + row("voted.all"; $vm; $vw)
    + [{key: "ballots.received", value: $recv}, {key: "ballots.used", value: $voted},
       {key: "ballots.damaged", value: 1}, {key: "ballots.unused", value: ($recv - $voted - 1)}]
    + $votes
    + [{key: "votes.valid", value: $valid}, {key: "votes.invalid", value: $inv}, {key: "votes.total", value: $voted}]'
}

det_demo() {
  step "KPU RI memasukkan DCT DPR dapil DKI Jakarta II (7 kursi; CONTOH DEMO, data rekaan) ke Sirekap"
  api kpu.ri POST /api/recap/admin/dct -H 'Content-Type: application/json' -d "$(det_dct)" \
    | jq -r '"  DCT \(.body) \(.dapilCode) versi \(.dctVersion) diterima"'

  step "KPPS tiga TPS di kelurahan Gambir mengirim C.Hasil DPR (masuk dapil DKI Jakarta II)"
  local i tps info res
  for i in 0 1 2; do
    tps=${DET_TPS[$i]}
    info=$(api - GET "/api/recap/public/tps/$tps")
    res=$(api "${DET_KPPS[$i]}" POST "/api/recap/tps/$tps/ballots/DPR/confirm" \
      -H "Idempotency-Key: demo-dpr-$tps" -H 'Content-Type: application/json' \
      -d "$(jq -nc --argjson v "$(det_form "$(jq .dptMen <<< "$info")" "$(jq .dptWomen <<< "$info")" 4 "${DET_VOTES[$i]}")" '{values: $v}')" \
      2>/dev/null) || res='{"status":"tidak terkirim"}'
    echo "  TPS $tps: $(jq -r .status <<< "$res")"
  done
  sleep 1

  step "KPU RI menetapkan hasil PPWP dari jumlah yang dihitung (syarat: >50% suara sah dan >=20% di lebih dari separuh provinsi)"
  if api kpu.ri POST "/api/recap/determinations?ballotType=PPWP&region=ID" -H 'Content-Type: application/json' \
      -d '{"reason":"Rapat pleno terbuka penetapan (demo)"}' >/dev/null 2>&1; then
    api - GET "/api/recap/public/determinations?ballotType=PPWP&region=ID" | jq -r '
      "  Penetapan PPWP versi \(.version), sumber: \(.source)",
      (.determination.steps[] | "  - \(.)"),
      "  Hasil: \(.determination.summary)",
      "  SHA-256 perhitungan: \(.sha256) (unduh: \(.calculationUrl))"'
  else
    echo "  Belum ada suara PPWP yang dihitung; tidak ada yang dapat ditetapkan."
  fi

  step "KPU RI menetapkan kursi DPR: ambang batas 4% suara sah nasional, lalu Sainte-Laguë per dapil"
  api kpu.ri POST "/api/recap/determinations?ballotType=DPR&region=ID" -H 'Content-Type: application/json' \
    -d '{"reason":"Rapat pleno terbuka penetapan (demo)"}' >/dev/null
  api - GET "/api/recap/public/determinations?ballotType=DPR&region=ID" | jq -r --arg dapil "$DET_DAPIL" '
    "  Penetapan DPR versi \(.version); benih undian seri: \"\(.determination.tieBreakSeed)\"",
    (.determination.threshold.parties[] | "  Ambang batas: \(.partyName) \(.votes) suara (\(.percent)%) - \(if .passes then "lolos" else "TIDAK lolos" end)"),
    (.determination.dapils[] | select(.dapilCode == $dapil)
      | "", "  Dapil \(.dapilName) (\(.seats) kursi) - tabel bilangan pembagi (suara ÷ 1, 3, 5, ...; [n] = kursi ke-n):",
        (.quotients[] | "    \(.partyName): \(.votes) suara | " + ([.quotients[] | "\(.value)\(if .seat then "[\(.seat)]" else "" end)"] | join("  "))),
        "  Urutan kursi: " + ([.seatOrder[] | "kursi \(.seat) -> \(.partyName) (\(.quotient))"] | join("; ")),
        "  Kursi per partai: " + ([.parties[] | "\(.partyName) \(.seats)"] | join(", ")),
        "  Calon terpilih:", (.elected[] | "    \(.partyName): \(.candidateName) (\(.votes) suara, peringkat \(.rank) di partainya)"),
        (.notes[] | "  Catatan: \(.)"))'

  step "Publik: apakah TPS yang belum dihitung masih dapat mengubah hasil?"
  api - GET "/api/recap/public/holdback?ballotType=PPWP&region=ID" | jq -r '
    .contests[] | "  \(.contest): \(.verdict) (\(.outstandingTps) TPS tersisa, paling banyak \(.outstandingVotes) suara)",
      (.reasons[:3][] | "    - \(.)"),
      (if .canChange then "    TPS paling menentukan: " + ([.mattersMost[:5][] | "\(.tpsCode) (\(.status), <= \(.maxVotes))"] | join(", ")) else empty end)'
  api - GET "/api/recap/public/holdback?ballotType=DPR&region=31" | jq -r --arg dapil "$DET_DAPIL" '
    .contests[] | select(.regionCode == $dapil)
    | "  \(.contest): \(.verdict) (\(.outstandingTps) TPS tersisa, paling banyak \(.outstandingVotes) suara)",
      (.reasons[:3][] | "    - \(.)"),
      (if .canChange then "    TPS paling menentukan: " + ([.mattersMost[:5][] | "\(.tpsCode) (\(.status), <= \(.maxVotes))"] | join(", ")) else empty end)'
}

det_demo
