# Demo Silon (candidate-service): dapil, pencalonan, verifikasi MS/TMS, DCS, tanggapan masyarakat, DCT.
# Sourced by ./suite demo after demo/lib.sh and demo/party-registry.sh (parties pnb, pkr, phl; operators operator.pnb
# etc.). The candidates below must be verified (MS) members of pnb in Sipol for the list to pass; party-registry's
# demo may pass its own verified NIKs in PNB_VERIFIED_NIKS (6 NIKs, space-separated: women at 1, 4, 5).
CS_ROOT=${ROOT:-$(pwd)}
CS_DAPIL=DPR-31-1
# shellcheck disable=SC2206
CS_NIKS=(${PNB_VERIFIED_NIKS:-3171014101900001 3171015202910002 3171010303920003 3171014404930004 3171015505940005 3171010606950006})
CS_NAMES=("Dewi Lestari" "Andi Saputra" "Budi Santoso" "Citra Ayu" "Eka Pratiwi" "Fajar Nugroho")
CS_GENDERS=(P L L P P L)

cs_jq() { if command -v jq >/dev/null 2>&1; then jq "$@"; else cat; echo; fi; }

# cs_candidate INDEX -> JSON of one demo candidate
cs_candidate() {
  local i=$1
  printf '{"nik":"%s","name":"%s","gender":"%s","birthDate":"198%d-0%d-1%d","address":"Jl. Demo No. %d, Jakarta",' \
    "${CS_NIKS[$i]}" "${CS_NAMES[$i]}" "${CS_GENDERS[$i]}" "$i" "$((i + 1))" "$i" "$((i + 1))"
  printf '"education":"S1","occupation":"SWASTA","documents":["KTP","IJAZAH","SURAT_SEHAT","SKCK"],'
  printf '"cvConsent":true,"cv":"%s: aktivis lingkungan, 10 tahun di organisasi kepemudaan."}' "${CS_NAMES[$i]}"
}

# cs_list INDEX... -> request body with those candidates in that order
cs_list() {
  local body='{"candidates":[' sep=''
  for i in "$@"; do body+="$sep$(cs_candidate "$i")"; sep=','; done
  printf '%s]}' "$body"
}

cs_violations() { cs_jq -r '"  status: \(.status)", (.violations[]? | "  [\(.rule)] posisi \(.position // "-"): \(.message)"), (if (.violations | length) == 0 then "  tidak ada pelanggaran" else empty end)'; }

cs_demo() {
  if api - GET "/api/candidates/public/dapil/$CS_DAPIL/dct" >/dev/null 2>&1; then
    step "DCT $CS_DAPIL sudah final dari demo sebelumnya; ini surat suaranya"
    api - GET "/api/candidates/public/dapil/$CS_DAPIL/dct" | cs_jq -r '.parties[] | "  \(.ballotNumber). \(.name): " + ([.candidates[] | "\(.number). \(.name) (\(.gender))"] | join(", "))'
    return 0
  fi

  step "KPU RI menetapkan dapil DPR DKI Jakarta I-III dari data wilayah (CSV)"
  api kpu.ri POST /api/dapil/import -H 'Content-Type: text/csv' \
    --data-binary @"$CS_ROOT/candidate-service/src/main/resources/dapil/dpr-dki-jakarta.csv" \
    | cs_jq -r '.[] | "  \(.code) \(.name): \(.seats) kursi - " + ([.regions[].name] | join(", "))' \
    || echo "  (dapil sudah ditetapkan sebelumnya)"

  step "Partai yang dikenal Silon (diterima dari Sipol lewat event PartyRegistered)"
  local parties
  parties=$(api kpu.ri GET /api/candidates/parties)
  echo "$parties" | cs_jq -r '.[] | "  \(.partyId) \(.name) - memenuhi syarat: \(.eligible)"'
  if ! echo "$parties" | grep -q '"partyId":"pnb"'; then
    echo "  Partai pnb belum terdaftar di Sipol; demo pencalonan dilewati."
    return 0
  fi

  step "KPU RI mencatat nomor urut partai hasil undian"
  local numbers='{' sep='' n=1
  for p in pnb pkr phl; do
    if echo "$parties" | grep -q "\"partyId\":\"$p\""; then numbers+="$sep\"$p\":$n"; sep=','; n=$((n + 1)); fi
  done
  api kpu.ri PUT /api/candidates/parties/ballot-numbers -H 'Content-Type: application/json' -d "$numbers}" \
    | cs_jq -r 'sort_by(.ballotNumber) | .[] | select(.ballotNumber != null) | "  nomor \(.ballotNumber): \(.name)"'

  step "operator.pnb menyusun daftar DPR DKI Jakarta I: 4 calon, hanya 1 perempuan, di posisi 4"
  api operator.pnb PUT "/api/candidates/lists/$CS_DAPIL/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 1 2 5 3)" | cs_violations

  step "operator.pnb mencoba mengajukan daftar itu: ditolak dengan aturan dan posisinya"
  api operator.pnb POST "/api/candidates/lists/$CS_DAPIL/pnb/submit" 2>/dev/null \
    | cs_jq -r '"  \(.status) \(.title): \(.detail)", (.violations[]? | "  [\(.rule)] posisi \(.position // "-")")' || true

  step "operator.pkr mencoba mengubah daftar milik pnb: ditolak (403)"
  api operator.pkr PUT "/api/candidates/lists/$CS_DAPIL/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 1 2)" 2>/dev/null | cs_jq -r '"  \(.status) \(.detail)"' || true

  step "operator.pnb memperbaiki: 2 perempuan dari 4 calon (30% dibulatkan ke atas), perempuan di posisi 1"
  local fixed
  fixed=$(api operator.pnb PUT "/api/candidates/lists/$CS_DAPIL/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 0 1 2 3)")
  echo "$fixed" | cs_violations
  if ! echo "$fixed" | grep -q '"violations":\[\]'; then
    echo "  Daftar masih melanggar aturan (mis. calon belum tercatat sebagai anggota pnb berstatus MS di Sipol)."
    echo "  Silon menolak pengajuan sampai syarat terpenuhi; demo pencalonan berhenti di sini."
    return 0
  fi
  api operator.pnb POST "/api/candidates/lists/$CS_DAPIL/pnb/submit" | cs_jq -r '"  status: \(.status)"'

  step "KPU RI memverifikasi: calon posisi 4 TMS (SKCK kedaluwarsa), yang lain MS"
  local ids verdicts
  ids=$(api kpu.ri GET "/api/candidates/lists/$CS_DAPIL/pnb" | cs_jq -r '[.candidates[].candidateId] | join(" ")')
  read -r -a ids <<< "$ids"
  verdicts=$(printf '{"verdicts":[{"candidateId":"%s","verdict":"MS"},{"candidateId":"%s","verdict":"MS"},{"candidateId":"%s","verdict":"MS"},{"candidateId":"%s","verdict":"TMS","reason":"SKCK sudah kedaluwarsa"}]}' "${ids[@]}")
  api kpu.ri POST "/api/candidates/lists/$CS_DAPIL/pnb/verification" -H 'Content-Type: application/json' \
    -d "$verdicts" | cs_jq -r '"  status: \(.status)", (.candidates[] | "  \(.position). \(.name): \(.verdict) \(.verdictReason // "")")'

  step "Masa perbaikan: operator.pnb mengganti calon posisi 4 dengan calon perempuan lain, lalu mengajukan lagi"
  api operator.pnb PUT "/api/candidates/lists/$CS_DAPIL/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 0 1 2 4)" | cs_violations
  api operator.pnb POST "/api/candidates/lists/$CS_DAPIL/pnb/submit" | cs_jq -r '"  status: \(.status)"'
  ids=$(api kpu.ri GET "/api/candidates/lists/$CS_DAPIL/pnb" | cs_jq -r '[.candidates[].candidateId] | join(" ")')
  read -r -a ids <<< "$ids"
  verdicts=$(printf '{"candidateId":"%s","verdict":"MS"},' "${ids[@]}")
  api kpu.ri POST "/api/candidates/lists/$CS_DAPIL/pnb/verification" -H 'Content-Type: application/json' \
    -d "{\"verdicts\":[${verdicts%,}]}" | cs_jq -r '"  status: \(.status)"'

  step "KPU RI mengumumkan DCS; warga melihatnya tanpa login (tanpa NIK, alamat, data kesehatan)"
  api kpu.ri POST "/api/dapil/$CS_DAPIL/dcs" >/dev/null
  api - GET "/api/candidates/public/dapil/$CS_DAPIL/dcs" \
    | cs_jq -r '.parties[] | "  \(.name):", (.candidates[] | "    \(.number). \(.name) (\(.gender)) - \(.cv // "CV tidak dipublikasikan")")'

  step "Warga (anonim) memberi tanggapan atas calon nomor 2; tanggapan yang sama dari warga lain digabung"
  local receipt feedback_id
  receipt=$(api - POST "/api/candidates/public/candidates/${ids[1]}/feedback" -H 'Content-Type: application/json' \
    -d '{"text":"Calon ini masih tercatat sebagai pengurus BUMD.","evidenceUrls":["https://contoh.example/berita/1"]}')
  echo "$receipt" | cs_jq -r '"  tanggapan \(.feedbackId): \(.reports) laporan"'
  api - POST "/api/candidates/public/candidates/${ids[1]}/feedback" -H 'Content-Type: application/json' \
    -d '{"text":"calon ini masih tercatat sebagai pengurus BUMD"}' \
    | cs_jq -r '"  digabung: \(.merged), sekarang \(.reports) laporan"'
  feedback_id=$(echo "$receipt" | cs_jq -r '.feedbackId')

  step "operator.pnb memberi klarifikasi atas tanggapan itu"
  api operator.pnb POST "/api/candidates/feedback/$feedback_id/clarification" -H 'Content-Type: application/json' \
    -d '{"text":"Calon sudah berhenti dari BUMD sejak 2025; surat pengunduran diri terlampir di berkas KPU."}' \
    | cs_jq -r '"  klarifikasi oleh \(.clarifiedBy): \(.clarification)"'

  step "KPU RI menetapkan DCT: daftar dibekukan dan struktur surat suara dikirim ke recap-service (DctFinalized)"
  api kpu.ri POST "/api/dapil/$CS_DAPIL/dct" | cs_jq -r '"  DCT versi \(.dctVersion) ditetapkan"'
  api operator.pnb PUT "/api/candidates/lists/$CS_DAPIL/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 0 2 1 4 | sed 's/]}$/],"reason":"tukar urutan"}/')" 2>/dev/null \
    | cs_jq -r '"  perubahan setelah DCT: \(.status) \(.detail)"' || true

  step "Surat suara DPR DKI Jakarta I menurut DCT publik"
  api - GET "/api/candidates/public/dapil/$CS_DAPIL/dct" \
    | cs_jq -r '.parties[] | "  \(.ballotNumber). \(.name): " + ([.candidates[] | "\(.number). \(.name) (\(.gender))"] | join(", "))'
}

# A second dapil left at the DCS stage, so citizens can comment on it in the portal (/calon/DPR-31-2).
CS_DAPIL2=DPR-31-2
cs_open_dcs() {
  if api - GET "/api/candidates/public/dapil/$CS_DAPIL2/dcs" >/dev/null 2>&1; then return 0; fi
  step "operator.pnb mengajukan daftar DPR DKI Jakarta II (2 calon); KPU RI mengumumkan DCS-nya untuk tanggapan warga"
  local listed ids verdicts
  listed=$(api operator.pnb PUT "/api/candidates/lists/$CS_DAPIL2/pnb" -H 'Content-Type: application/json' \
    -d "$(cs_list 3 5)" 2>/dev/null) || { echo "  Daftar tidak dapat disusun; DCS $CS_DAPIL2 tidak diumumkan."; return 0; }
  if ! echo "$listed" | grep -q '"violations":\[\]'; then echo "$listed" | cs_violations; return 0; fi
  api operator.pnb POST "/api/candidates/lists/$CS_DAPIL2/pnb/submit" | cs_jq -r '"  status: \(.status)"'
  ids=$(api kpu.ri GET "/api/candidates/lists/$CS_DAPIL2/pnb" | cs_jq -r '[.candidates[].candidateId] | join(" ")')
  read -r -a ids <<< "$ids"
  verdicts=$(printf '{"candidateId":"%s","verdict":"MS"},' "${ids[@]}")
  api kpu.ri POST "/api/candidates/lists/$CS_DAPIL2/pnb/verification" -H 'Content-Type: application/json' \
    -d "{\"verdicts\":[${verdicts%,}]}" | cs_jq -r '"  verifikasi: \(.status)"'
  api kpu.ri POST "/api/dapil/$CS_DAPIL2/dcs" >/dev/null
  echo "  DCS $CS_DAPIL2 terbuka untuk tanggapan warga: ${GATEWAY:-http://127.0.0.1:8080}/calon/$CS_DAPIL2"
}

cs_demo
cs_open_dcs || true
