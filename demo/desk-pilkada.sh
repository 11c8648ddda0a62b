# Demo Desk Pilkada (desk-pilkada). Sourced by ./suite demo after demo/lib.sh (uses api, step; runs under
# set -euo pipefail). Pelapor pemerintah daerah mengirim data cepat Pilkada gubernur dari kelurahan Gambir; desk
# melihat kemajuan; publik melihat data cepat di samping hasil hitung KPU. Semua lewat gateway dengan token Keycloak.
# Aman dijalankan ulang: setiap kiriman memakai Idempotency-Key tetap.
DESK_DESA=31.71.01.1001
DESK_KEC=31.71.01
DESK_C=PILKADA_GUBERNUR
OUT_DIR="${ROOT:-.}/demo/out"
mkdir -p "$OUT_DIR"

# desk_send USER TPS KEY JSON [corrections] -> prints the answer (problem bodies too); never fails the demo
desk_send() {
  local path="/api/desk/reports/$2/$DESK_C${5:+/$5}"
  api "$1" POST "$path" -H "Idempotency-Key: $3" -H "Content-Type: application/json" -d "$4" 2>/dev/null || true
}
desk_numbers() { # C1 C2 C3 INVALID [REASON] -> report body
  jq -nc --argjson a "$1" --argjson b "$2" --argjson c "$3" --argjson i "$4" --arg r "${5:-}" \
    '{candidates: [$a, $b, $c], valid: ($a + $b + $c), invalid: $i, total: ($a + $b + $c + $i)}
     + (if $r == "" then {} else {reason: $r} end)'
}
desk_show() { # answer -> one line
  jq -r 'if .title then "  DITOLAK (\(.status)) \(.title): \(.detail)"
         else "  \(.tpsCode): \(.status)\(if .replay then " (kiriman ulang, tidak dicatat dua kali)" else "" end), paslon \(.numbers.candidates | map(tostring) | join("/")), oleh \(.reportedBy)" end' <<< "$1"
}

step "Desk Pilkada: data cepat pemerintah daerah (Bakesbangpol/Diskominfo) - BUKAN hasil resmi KPU"
api pelapor.gambir.1 GET /api/desk/me | jq -r '"Masuk sebagai \(.username), wilayah tugas \(.regionCode). Label: \(.label)"'

step "Sebagai pembanding: hasil resmi KPPS TPS $DESK_DESA.001 untuk Pilkada gubernur masuk ke Sirekap (jalur KPU)"
desk_tps=$(api - GET "/api/recap/public/tps/$DESK_DESA.001")
desk_m=$(jq .dptMen <<< "$desk_tps"); desk_w=$(jq .dptWomen <<< "$desk_tps")
desk_valid=$(( (desk_m + desk_w) * 7 / 10 ))
desk_k1=$(( desk_valid * 45 / 100 )); desk_k2=$(( desk_valid * 35 / 100 )); desk_k3=$(( desk_valid - desk_k1 - desk_k2 ))
if declare -F recap_form >/dev/null; then
  desk_form=$(recap_form "$desk_m" "$desk_w" 3 "$desk_k1" "$desk_k2" "$desk_k3")
  desk_res=$(api kpps.gambir.1 POST "/api/recap/tps/$DESK_DESA.001/ballots/$DESK_C/confirm" \
    -H "Idempotency-Key: demo-desk-kpu-$DESK_DESA.001" -H "Content-Type: application/json" \
    -d "$(jq -nc --argjson v "$desk_form" '{values: $v}')" 2>/dev/null || true)
  echo "Sirekap: TPS $DESK_DESA.001 $(jq -r '.status // .title' <<< "$desk_res") (paslon $desk_k1/$desk_k2/$desk_k3)"
else
  echo "(bagian Sirekap tidak dijalankan; perbandingan memakai hasil KPU yang sudah ada)"
fi

step "Pelapor desk mengirim data cepat dari TPS di kelurahan Gambir (kurang dari semenit per TPS)"
# TPS 001 sama dengan hasil resmi kecuali paslon 2 (salah salin 12 suara): selisihnya harus terlihat
desk_show "$(desk_send pelapor.gambir.1 "$DESK_DESA.001" demo-desk-001 "$(desk_numbers "$desk_k1" $((desk_k2 + 12)) "$desk_k3" 3)")"
desk_show "$(desk_send pelapor.gambir.2 "$DESK_DESA.002" demo-desk-002 "$(desk_numbers 61 72 50 4)")"
desk_show "$(desk_send pelapor.gambir.1 "$DESK_DESA.003" demo-desk-003 "$(desk_numbers 88 70 41 2)")"
echo "Sinyal buruk: pelapor.gambir.1 mengirim ulang TPS 003 dengan Idempotency-Key yang sama:"
desk_show "$(desk_send pelapor.gambir.1 "$DESK_DESA.003" demo-desk-003 "$(desk_numbers 88 70 41 2)")"

step "Laporan ganda ditolak: pelapor.gambir.2 juga mengirim TPS $DESK_DESA.001"
desk_show "$(desk_send pelapor.gambir.2 "$DESK_DESA.001" demo-desk-001-ganda "$(desk_numbers 100 90 80 3)")"

step "Pelapor kelurahan Cideng mencoba melapor TPS di kelurahan Gambir"
desk_show "$(desk_send pelapor.cideng.1 "$DESK_DESA.005" demo-desk-cideng "$(desk_numbers 10 10 10 0)")"

step "Angka tidak lolos pemeriksaan (paslon 1 tertulis 905): perlu alasan, lalu ditandai dan tidak dijumlahkan"
desk_show "$(desk_send pelapor.gambir.2 "$DESK_DESA.004" demo-desk-004 \
  "$(desk_numbers 905 60 40 3 | jq -c '.valid = 205 | .total = 208')")"
desk_res=$(desk_send pelapor.gambir.2 "$DESK_DESA.004" demo-desk-004-alasan \
  "$(desk_numbers 905 60 40 3 "Tulisan di papan hitung memang 905; minta dicek PPS" | jq -c '.valid = 205 | .total = 208')")
desk_show "$desk_res"
jq -r '.flags[]? | "    tanda \(.code): \(.message)"' <<< "$desk_res"

step "Koreksi wajib beralasan; laporan pertama tetap tersimpan"
desk_res=$(desk_send pelapor.gambir.2 "$DESK_DESA.004" demo-desk-004-koreksi \
  "$(desk_numbers 105 60 40 3 "Dicek ulang ke PPS: 105, bukan 905")" corrections)
jq -r '"  \(.tpsCode): \(.status), \(.corrections) koreksi; riwayat: " + ([.history[] | "\(.kind) oleh \(.by) (paslon 1 = \(.numbers.candidates[0]))"] | join(" -> "))' <<< "$desk_res"

step "Desk Pilkada Jakarta Pusat: kemajuan kecamatan Gambir (waktu nyata)"
api desk.jakpus GET "/api/desk/progress?region=$DESK_KEC&contest=$DESK_C&limit=5" | jq -r '
  "\(.region.name): \(.tally.reported) dari \(.tally.tpsTotal) TPS melapor (\(.tally.percentReported) %), \(.tally.flagged) ditandai, \(.tally.notReported) belum; laporan terakhir \(.tally.lastReportAt)",
  "Jumlah cepat: " + ([.tally.totals[] | "\(.key | sub("votes.candidate."; "paslon ") | sub("votes.valid"; "sah") | sub("votes.invalid"; "tidak sah") | sub("votes.total"; "jumlah"))=\(.value)"] | join(", ")),
  (.rows[] | "  \(.region.code) \(.region.name): \(.tally.reported)/\(.tally.tpsTotal) TPS"),
  "Belum melapor (5 pertama): \(.notReportedTps | join(", "))",
  "Laporan terbaru: " + ([.latestReports[:3][] | "\(.tpsCode) oleh \(.reportedBy)"] | join("; "))'

step "Laporan berjenjang ke provinsi: unduh CSV dan PDF (dicap BUKAN DATA RESMI)"
api desk.dki GET "/api/desk/export?region=$DESK_KEC&contest=$DESK_C&format=csv" -o "$OUT_DIR/desk-pilkada-gambir.csv"
api desk.dki GET "/api/desk/export?region=31.71&contest=$DESK_C&format=pdf" -o "$OUT_DIR/desk-pilkada-jakpus.pdf"
echo "  $OUT_DIR/desk-pilkada-gambir.csv ($(($(wc -l < "$OUT_DIR/desk-pilkada-gambir.csv") - 1)) baris kelurahan)"
echo "  $OUT_DIR/desk-pilkada-jakpus.pdf ($(wc -c < "$OUT_DIR/desk-pilkada-jakpus.pdf") byte)"

step "Publik (tanpa login): data cepat Desk Pilkada di samping hasil hitung KPU, kelurahan Gambir"
api - GET "/api/desk/public/comparison?region=$DESK_DESA&contest=$DESK_C" | jq -r '
  "\(.label)", "Pembanding: \(.kpu.label)\(if .kpu.available then "" else " - " + .kpu.message end)",
  "Desk: \(.desk.counted) TPS dijumlahkan (\(.desk.flagged) ditandai); KPU: \(.kpu.countedTps) TPS dihitung",
  "  baris              desk    KPU  selisih",
  (.pairs[] | "  \(.name | sub("Pasangan calon"; "Paslon") | .[0:15] | . + " " * (15 - length)) \(.desk | tostring | " " * (7 - length) + .) \(.kpu // "-" | tostring | " " * (6 - length) + .) \(.difference // "-" | tostring | " " * (8 - length) + .)"),
  (if .sameTps then "TPS yang ada di kedua sisi: \(.sameTps.tps); selisih di TPS itu: " + ([.sameTps.pairs[] | select(.key | startswith("votes.candidate")) | "\(.name | sub("Pasangan calon"; "paslon")) \(.difference)"] | join(", ")) else (.perTpsNote // "") end),
  (.perTps[] | "  TPS \(.tpsCode): selisih terbesar \(.largestDifference) suara\(if .large then "  <-- SELISIH BESAR, perlu dicek" else "" end)")'
echo "Hasil resmi tetap rekapitulasi berjenjang KPU; data cepat desk tidak pernah masuk ke jumlah KPU."

step "Desk nasional (Kemendagri, hanya membaca): kemajuan dari Indonesia ke bawah"
api desk.kemendagri GET "/api/desk/progress?region=ID&contest=$DESK_C&limit=0" | jq -r '
  "\(.region.name): \(.tally.reported) dari \(.tally.tpsTotal) TPS melapor, \(.races) pemilihan gubernur\(if .raceNote then " - " + .raceNote else "" end)",
  (.rows[] | "  \(.region.code) \(.region.name): \(.tally.reported)/\(.tally.tpsTotal) TPS")' \
  || echo "  (akun desk.kemendagri belum ada di realm Keycloak yang berjalan: hapus .suite/keycloak-*/data/h2, lalu ./suite up)"
echo "Di aplikasi: pelapor dan desk masuk di http://127.0.0.1:8080/desk; publik: http://127.0.0.1:8080/hasil/data-cepat?wilayah=$DESK_DESA"
