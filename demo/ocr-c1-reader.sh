# Demo of the C.Hasil photo reader (ocr-c1-reader). Sourced by ./suite demo after demo/lib.sh (uses api, step;
# runs under set -euo pipefail). Makes the photos recap-service's demo uploads, then reads one from the command line
# and one through the gateway.
OCR_ROOT="${ROOT:-.}"
OCR_JAR=$(ls "$OCR_ROOT"/ocr-c1-reader/target/ocr-c1-reader-*.jar 2>/dev/null | grep -v -e '\.original$' -e 'tests\.jar$' | head -1)
OCR_OUT="$OCR_ROOT/.suite/demo"
mkdir -p "$OCR_OUT"
ocr_cli() { (cd "$OCR_ROOT" && java -Dai.djl.offline=true -Xmx512m -jar "$OCR_JAR" "$@"); }

step "Pembaca C.Hasil: cetak formulir kosong C.Hasil-PPWP untuk TPS 31.71.01.1001.001 (PDF dengan kode QR)"
ocr_cli render --tps 31.71.01.1001.001 --ballot PPWP --out "$OCR_OUT/c1-kosong-31.71.01.1001.001.pdf"

step "Buat foto ponsel sintetis C.Hasil-PPWP yang sudah diisi tulisan tangan (angka MNIST yang tidak dipakai melatih)"
for ocr_tps in 31.71.01.1001.001 31.71.01.1001.002; do
  # the DPT written on the form is the one registered for the TPS (public TPS page of recap-service)
  ocr_dpt=$(api - GET "/api/recap/public/tps/$ocr_tps" 2>/dev/null || echo '{}')
  ocr_dpt_args=()
  if [ "$(jq -r '.dptMen // empty' <<< "$ocr_dpt")" != "" ]; then
    ocr_dpt_args=(--dpt-men "$(jq -r .dptMen <<< "$ocr_dpt")" --dpt-women "$(jq -r .dptWomen <<< "$ocr_dpt")")
  fi
  ocr_cli synth --tps "$ocr_tps" --ballot PPWP --seed "${ocr_tps##*.}7" --distortion ALL "${ocr_dpt_args[@]}" \
    --out "$OCR_OUT/c1-$ocr_tps.jpg" --truth "$OCR_OUT/c1-$ocr_tps.truth.json"
done

step "Baca foto dari baris perintah (tanpa server): nilai, keyakinan, dan tanda 'perlu dicek'"
ocr_reading=$(ocr_cli read "$OCR_OUT/c1-31.71.01.1001.001.jpg")
jq -r '.reading | "hasil: \(.outcome); kode QR TPS \(.tpsCode); kode tercetak (Tesseract) \(.printedTpsCode // "-"); aritmetika konsisten: \(.arithmeticConsistent); perlu dicek: \(.fieldsNeedingReview) kolom; \(.millis) ms"' <<< "$ocr_reading"
jq -r '.reading.fields[] | select((.key | startswith("votes.")) or .needsReview) | "  \(.key) = \(.value) (keyakinan \(.confidence))\(if .needsReview then "  <- perlu dicek" else "" end)\(if .classifierValue != .value then "  [dibetulkan aritmetika dari \(.classifierValue)]" else "" end)"' <<< "$ocr_reading"
echo "Angka yang sebenarnya ditulis (kunci jawaban sintetis):"
jq -c '.values | with_entries(select(.key | startswith("votes.")))' "$OCR_OUT/c1-31.71.01.1001.001.truth.json"

step "C.Hasil-DPR: tabel partai (suara partai + suara calon = jumlah, tiap kolom dijumlahkan) dibaca dari foto sintetis"
ocr_cli synth --tps 31.71.01.1001.001 --ballot DPR --seed 20247 --distortion ALL \
  --out "$OCR_OUT/c1-dpr-31.71.01.1001.001.jpg" --truth "$OCR_OUT/c1-dpr-31.71.01.1001.001.truth.json"
ocr_dpr=$(ocr_cli read "$OCR_OUT/c1-dpr-31.71.01.1001.001.jpg")
jq -r '.reading | "hasil: \(.outcome); aritmetika konsisten: \(.arithmeticConsistent); perlu dicek: \(.fieldsNeedingReview) kolom; \(.millis) ms"' <<< "$ocr_dpr"
jq -r '(.reading.fields | map({(.key): .}) | add) as $f
  | (([range(1; 18)] + [24])[] | tostring) as $n
  | [$f["votes.party." + $n], $f["votes.party." + $n + ".candidates"], $f["votes.party." + $n + ".total"]] as $row
  | "  Partai \($n): partai \($row[0].value) + calon \($row[1].value) = \($row[2].value)"
    + (if any($row[]; .needsReview) then "  <- perlu dicek" else "" end)
    + (if any($row[]; .classifierValue != .value) then "  [dibetulkan aritmetika]" else "" end)' <<< "$ocr_dpr"
jq -r '.reading.fields[] | select(.key | startswith("votes.parties") or . == "votes.valid")
  | "  \(.key) = \(.value)\(if .needsReview then "  <- perlu dicek" else "" end)"' <<< "$ocr_dpr"
jq -n --argjson r "$ocr_dpr" --slurpfile t "$OCR_OUT/c1-dpr-31.71.01.1001.001.truth.json" -r \
  '"Dibanding kunci jawaban sintetis: \([$r.reading.fields[] | select(.value != $t[0].values[.key])] | length) dari \($r.reading.fields | length) kolom berbeda"'

step "Baca lewat gateway: POST /api/ocr/read sebagai KPPS TPS 31.71.01.1001.002"
api kpps.gambir.2 POST /api/ocr/read -F "photo=@$OCR_OUT/c1-31.71.01.1001.002.jpg;type=image/jpeg" \
  | jq -c '{outcome, tpsCode, arithmeticConsistent, fieldsNeedingReview, suara: [.fields[] | select(.key | startswith("votes.candidate")) | {(.key): .value}] | add}'

step "Foto yang salah dijawab dengan alasan, bukan galat: berkas teks dikirim sebagai foto"
printf 'bukan foto' > "$OCR_OUT/bukan-foto.jpg"
api kpps.gambir.1 POST /api/ocr/read -F "photo=@$OCR_OUT/bukan-foto.jpg;type=image/jpeg" 2>/dev/null | jq -c '{status, detail}' || true
