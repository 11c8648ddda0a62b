# Demo Sirekap (recap-service). Sourced by ./suite demo after demo/lib.sh (uses api, step; runs under set -euo pipefail).
# Everything goes through the gateway with real Keycloak tokens of the dev users kpps.gambir.1/2 and the public.
RECAP_TPS1=31.71.01.1001.001
RECAP_TPS2=31.71.01.1001.002
RECAP_PHOTO="${ROOT:-.}/.suite/demo/c1-$RECAP_TPS1.jpg"

# recap_form DPT_MEN DPT_WOMEN INVALID VOTES... -> a consistent C.Hasil as a JSON list of {key,value}
recap_form() {
  jq -nc --argjson m "$1" --argjson w "$2" --argjson inv "$3" --argjson votes "[$(IFS=,; echo "${*:4}")]" '
    ($votes | add) as $valid | ($valid + $inv) as $voted
    | ([($voted / 2 | floor), $m] | min) as $vm | ($voted - $vm) as $vw
    | (($m + $w) + ((($m + $w) * 2 + 99) / 100 | floor)) as $recv
    | def row($r; $a; $b): [{key: "\($r).men", value: $a}, {key: "\($r).women", value: $b},
                            {key: "\($r).total", value: ($a + $b)}];
    row("dpt"; $m; $w) + row("dptb"; 0; 0) + row("dpk"; 0; 0) + row("all"; $m; $w)
    + row("voted.dpt"; $vm; $vw) + row("voted.dptb"; 0; 0) + row("voted.dpk"; 0; 0) + row("voted.all"; $vm; $vw)
    + [{key: "ballots.received", value: $recv}, {key: "ballots.used", value: $voted},
       {key: "ballots.damaged", value: 1}, {key: "ballots.unused", value: ($recv - $voted - 1)}]
    + [$votes | to_entries[] | {key: "votes.candidate.\(.key + 1)", value: .value}]
    + [{key: "votes.valid", value: $valid}, {key: "votes.invalid", value: $inv}, {key: "votes.total", value: $voted}]'
}

step "Sirekap: petugas KPPS masuk; layanan mengenali TPS-nya"
api kpps.gambir.1 GET /api/recap/me | jq -c .

if [ -f "$RECAP_PHOTO" ]; then
  step "KPPS TPS $RECAP_TPS1 mengunggah foto C.Hasil PPWP (asli disimpan sebagai bukti, salinan publik tanpa EXIF)"
  recap_up=$(api kpps.gambir.1 POST "/api/recap/tps/$RECAP_TPS1/ballots/PPWP/photos?page=1" \
    -H "Idempotency-Key: demo-foto-$RECAP_TPS1" -F "photo=@$RECAP_PHOTO;type=image/jpeg")
  recap_sid=$(jq -r .submissionId <<< "$recap_up")
  echo "Foto diterima: pengiriman $recap_sid, SHA-256 $(jq -r .sha256 <<< "$recap_up" | cut -c1-16)..., status draf"
  step "Menunggu hasil baca mesin (ocr-c1-reader) - hasil baca hanya DRAF, tidak pernah dihitung"
  recap_draft=""
  for _ in $(seq 1 ${RECAP_DEMO_WAIT:-60}); do
    recap_draft=$(api kpps.gambir.1 GET "/api/recap/submissions/$recap_sid")
    if [ "$(jq '.readings | length' <<< "$recap_draft")" -gt 0 ]; then break; fi
    sleep 1
  done
  if [ "$(jq '.draft | length' <<< "$recap_draft")" -gt 0 ]; then
    echo "Draf terbaca $(jq '.draft | length' <<< "$recap_draft") kolom, $(jq '[.draft[] | select(.needsReview)] | length' \
      <<< "$recap_draft") ditandai perlu dicek; tiga kolom dengan keyakinan terendah:"
    jq -r '.draft | sort_by(.confidence) | .[:3][]
      | "  \(.key) = \(.value) (yakin \(.confidence * 100 | floor)%\(if .needsReview then ", DITANDAI" else "" end))"' \
      <<< "$recap_draft"
    recap_fix=$(jq -c '.draft | sort_by(.confidence) | .[0] | [{key, value}]' <<< "$recap_draft")
    step "Petugas mencocokkan dengan kertas, mengetik ulang kolom paling meragukan, lalu mengonfirmasi"
    recap_body=$(jq -nc --arg sid "$recap_sid" --argjson v "$recap_fix" '{submissionId: $sid, values: $v}')
    if recap_res=$(api kpps.gambir.1 POST "/api/recap/tps/$RECAP_TPS1/ballots/PPWP/confirm" \
        -H "Idempotency-Key: demo-konfirmasi-$RECAP_TPS1" -H "Content-Type: application/json" -d "$recap_body"); then
      echo "Hasil TPS $RECAP_TPS1: $(jq -r .status <<< "$recap_res") (sumber: $(jq -r .source <<< "$recap_res"))"
    else
      echo "Angka hasil baca tidak lolos pemeriksaan:"; jq -r '.flags[]? | "  \(.code): \(.message)"' <<< "$recap_res"
      recap_body=$(jq -c '. + {reason: "Sudah dicocokkan dengan C.Hasil kertas; mohon diperiksa PPK"}' <<< "$recap_body")
      recap_res=$(api kpps.gambir.1 POST "/api/recap/tps/$RECAP_TPS1/ballots/PPWP/confirm" \
        -H "Idempotency-Key: demo-konfirmasi-alasan-$RECAP_TPS1" -H "Content-Type: application/json" -d "$recap_body")
      echo "Dikirim dengan alasan: status $(jq -r .status <<< "$recap_res") (tidak dihitung sampai diperiksa PPK)"
    fi
  elif [ "$(jq '.readings | length' <<< "$recap_draft")" -gt 0 ]; then
    echo "Foto tidak terbaca: $(jq -r '.readings[-1].reason // "tanpa keterangan"' <<< "$recap_draft") - petugas memotret ulang atau mengetik angka."
  else
    echo "Foto belum terbaca (ocr-c1-reader tidak menjawab); petugas dapat mengetik angka secara manual."
  fi
else
  step "Foto contoh $RECAP_PHOTO tidak ada; langkah unggah foto dilewati"
fi

step "KPPS TPS $RECAP_TPS2 mengetik angka PPWP tanpa foto (ditandai 'manual')"
recap_tps=$(api - GET "/api/recap/public/tps/$RECAP_TPS2")
recap_m=$(jq .dptMen <<< "$recap_tps"); recap_w=$(jq .dptWomen <<< "$recap_tps")
recap_valid=$(( (recap_m + recap_w) * 8 / 10 - 4 ))
recap_c1=$(( (recap_valid - 105) / 2 )); recap_c3=$(( recap_valid - 105 - recap_c1 ))
recap_values=$(recap_form "$recap_m" "$recap_w" 4 "$recap_c1" 105 "$recap_c3")
recap_res=$(api kpps.gambir.2 POST "/api/recap/tps/$RECAP_TPS2/ballots/PPWP/confirm" \
  -H "Idempotency-Key: demo-manual-$RECAP_TPS2" -H "Content-Type: application/json" \
  -d "$(jq -nc --argjson v "$recap_values" '{values: $v}')")
echo "Status: $(jq -r .status <<< "$recap_res"), versi $(jq -r .resultVersion <<< "$recap_res"), sumber $(jq -r .source <<< "$recap_res")"
echo "Kirim ulang dengan Idempotency-Key yang sama (sinyal buruk) -> tetap versi $(api kpps.gambir.2 POST \
  "/api/recap/tps/$RECAP_TPS2/ballots/PPWP/confirm" -H "Idempotency-Key: demo-manual-$RECAP_TPS2" \
  -H "Content-Type: application/json" -d "$(jq -nc --argjson v "$recap_values" '{values: $v}')" | jq -r .resultVersion), tidak dihitung dua kali"

step "Catatan Pilkada gubernur TPS $RECAP_TPS2 salah ketik: 105 menjadi 905 -> gagal pemeriksaan"
recap_bad=$(recap_form "$recap_m" "$recap_w" 4 "$recap_c1" 105 "$recap_c3" | jq -c 'map(if .key == "votes.candidate.2" then .value = 905 else . end)')
recap_res=$(api kpps.gambir.2 POST "/api/recap/tps/$RECAP_TPS2/ballots/PILKADA_GUBERNUR/confirm" \
  -H "Idempotency-Key: demo-salah-$RECAP_TPS2" -H "Content-Type: application/json" \
  -d "$(jq -nc --argjson v "$recap_bad" '{values: $v}')" 2>/dev/null || true)
if [ "$(jq -r '.status // empty' <<< "$recap_res")" = "422" ]; then
  echo "Ditolak tanpa alasan tertulis: $(jq -r .detail <<< "$recap_res")"
  jq -r '.flags[] | "  \(.code): \(.message)"' <<< "$recap_res"
else
  echo "Status: $(jq -r '.status // "?"' <<< "$recap_res")"
fi
step "Petugas tetap mengirim dengan alasan tertulis -> status 'flagged', tidak masuk hitungan"
recap_res=$(api kpps.gambir.2 POST "/api/recap/tps/$RECAP_TPS2/ballots/PILKADA_GUBERNUR/confirm" \
  -H "Idempotency-Key: demo-salah-alasan-$RECAP_TPS2" -H "Content-Type: application/json" \
  -d "$(jq -nc --argjson v "$recap_bad" '{values: $v, reason: "Angka di kertas C.Hasil memang tertulis 905; mohon diperiksa PPK"}')")
echo "Status: $(jq -r .status <<< "$recap_res"); tanda: $(jq -r '[.flags[].code] | join(", ")' <<< "$recap_res")"

sleep 1
step "Publik (tanpa login): rekap PPWP kecamatan Gambir"
api - GET "/api/recap/public/totals?region=31.71.01&ballotType=PPWP" | jq -r '
  "\(.region.name): \(.counted.tps) TPS dihitung, \(.flagged.tps) ditandai, \(.progress.notReported) belum masuk dari \(.progress.tpsTotal)",
  (.counted.values[] | select(.key | startswith("votes.")) | "  \(.key) = \(.value)")'
step "Publik: rekap PPWP provinsi DKI Jakarta dan progres"
api - GET "/api/recap/public/totals?region=31&ballotType=PPWP" | jq -r '
  "\(.region.name): \(.counted.tps) TPS dihitung, \(.progress.percentReported)% TPS melapor",
  (.counted.values[] | select(.key | startswith("votes.candidate")) | "  \(.key) = \(.value)")'
api - GET "/api/recap/public/progress?region=31.71.01&ballotType=PILKADA_GUBERNUR&limit=5" | jq -r '
  "Pilkada gubernur Gambir: \(.progress.flagged) ditandai, \(.progress.notReported) TPS belum melapor, contoh: \(.notReportedTps | join(", "))"'
step "Publik: alamat tetap TPS $RECAP_TPS2"
api - GET "/api/recap/public/tps/$RECAP_TPS2" | jq -r '
  .ballots[] | "  \(.ballotType): \(.status)\(if .counted then " (dihitung)" else " (tidak dihitung)" end)\(if (.flags | length) > 0 then "; tanda: " + ([.flags[].code] | join(", ")) else "" end)"'
echo "Unduh CSV: $GATEWAY/api/recap/public/download?region=31.71.01&ballotType=PPWP&format=csv"

# Rekapitulasi berjenjang: PPK -> KPU kab/kota -> provinsi -> RI, keberatan saksi, D.Hasil bertanda tangan
# shellcheck source=demo/rekap.sh
source "$(dirname "${BASH_SOURCE[0]}")/rekap.sh"
