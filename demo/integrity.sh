# Integrity (issue 21): citizen reports per TPS, a Bawaslu recommendation and its answer, the transparency log with
# a proof, and the independent verifier run against the public API (sourced by ./suite demo after the rekapitulasi).
INT_TPS=31.71.01.1001.002
INT_STATE=${INT_STATE:-$ROOT/.suite/demo/verifier-state.json}

integrity_demo() {
  step "Warga melaporkan TPS $INT_TPS tanpa akun (laporan tidak mengubah angka; laporan sama digabung, jumlahnya dihitung)"
  for who in 1 2; do
    api - POST "/api/recap/public/tps/$INT_TPS/reports" -H 'Content-Type: application/json' \
      -d '{"reason":"NUMBERS_DIFFER","ballotType":"PPWP","field":"votes.candidate.2","text":"Di foto tertulis 61, di situs 67"}' \
      | jq -r '"  laporan \(.reason): \(.status), \(.count) laporan\(if .deduplicated then " (digabung dengan laporan yang sama)" else "" end)"'
  done
  api - GET "/api/recap/public/tps/$INT_TPS" | jq -r '"  Halaman publik TPS: \(.openReports.total) laporan terbuka"'
  api ppk.gambir GET "/api/recap/reports?region=31.71.01" \
    | jq -r '.[:3][] | "  Antrean PPK Gambir: TPS \(.tpsCode) - \(.label) (\(.count) laporan)"'

  step "Bawaslu RI mencatat rekomendasi pada TPS $INT_TPS; PPK Gambir wajib menjawab dengan alasan"
  local rb
  rb=$(api bawaslu.ri POST /api/recap/recommendations -H 'Content-Type: application/json' \
    -d "{\"target\":\"$INT_TPS\",\"ballotType\":\"PPWP\",\"kind\":\"RECHECK\",\"reason\":\"Laporan warga: angka paslon 2 berbeda dengan foto C.Hasil\"}")
  jq -r '"  \(.id): \(.kindLabel) - \(.status), ditujukan ke wilayah \(.responsibleRegion)"' <<< "$rb"
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $(token bawaslu.ri)" \
    -H 'Content-Type: application/json' "$GATEWAY/api/recap/tps/$INT_TPS/ballots/PPWP/review" \
    -d '{"decision":"corrected","values":[{"key":"votes.candidate.2","value":61}],"reason":"coba ubah"}')
  echo "  Bawaslu mencoba mengubah angka sendiri: HTTP $code (Bawaslu mengawasi, tidak mengubah)"
  api ppk.gambir POST "/api/recap/recommendations/$(jq -r .id <<< "$rb")/answer" -H 'Content-Type: application/json' \
    -d '{"decision":"accepted","reason":"Dicocokkan dengan C.Hasil kertas dalam rapat pleno: angka situs benar"}' \
    | jq -r '"  Jawaban PPK: \(.answer.decision) - \(.answer.reason)"'

  step "Log transparansi: tree head bertanda tangan dan bukti inklusi hasil TPS $INT_TPS"
  sleep 3 # the next signed head (at most every 2 s) covers the answer above
  api - GET /api/recap/public/log/head | jq -r '"  Tree head: \(.treeSize) entri, root \(.rootHash[:16])..., Ed25519 kunci \(.keyId)\(if .devKey then " (kunci pengembangan)" else "" end)"'
  api - GET "/api/recap/public/log/tps/$INT_TPS/PPWP" | jq -r '
    "  Entri #\(.index) (hasil terkini TPS): bukti inklusi \(.path | length) hash terhadap tree head \(.head.treeSize)",
    (.entries[] | (.data | fromjson) as $e | "    #\(.index) \($e.kind) \($e.action // "") oleh \($e.actor) (\($e.role))\(if $e.reason then ": " + $e.reason else "" end)")'

  step "Pemeriksa independen (log-verifier, hanya API publik): java -jar log-verifier/target/log-verifier.jar --url $GATEWAY"
  mkdir -p "$(dirname "$INT_STATE")"
  if ! java -jar "$ROOT/log-verifier/target/log-verifier.jar" --url "$GATEWAY" --state "$INT_STATE" | sed 's/^/  /'; then
    echo "  PEMERIKSA MENEMUKAN PERBEDAAN (lihat di atas)"
  fi
}

integrity_demo
