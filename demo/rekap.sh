# Demo rekapitulasi berjenjang (recap-service sessions and D.Hasil). Sourced at the end of demo/recap-service.sh
# (uses api, step, token from demo/lib.sh; runs under set -euo pipefail). Registry of the demo: kecamatan Gambir.
REKAP_KEC=31.71.01
REKAP_OUT="${ROOT:-.}/demo/out"
mkdir -p "$REKAP_OUT"

# rekap_try USER METHOD PATH [curl args] -> body of the answer whether it succeeded or was refused
rekap_try() { api "$@" 2>/dev/null || true; }

# rekap_pdf TYPE REGION VERSION -> saves the D.Hasil PDF under demo/out and prints its path
rekap_pdf() {
  local file="$REKAP_OUT/d-hasil-$(tr 'A-Z' 'a-z' <<< "$1")-$2-v$3.pdf"
  api - GET "/api/recap/public/dhasil/$1/$2/versions/$3/pdf" -o "$file"
  echo "PDF D.Hasil: $file"
}

if api - GET "/api/recap/public/dhasil/PPWP/$REKAP_KEC" >/dev/null 2>&1; then
  step "Rekapitulasi berjenjang: D.Hasil Kecamatan Gambir sudah ada pada data ini; bagian ini dilewati"
  return 0 2>/dev/null || true
fi

step "Rekapitulasi berjenjang: KPPS TPS lain di Gambir mengirim hasil PPWP (akun KPPS demo dibuat lewat API admin Keycloak, DEV ONLY)"
rekap_admin=$(curl -sf -X POST "$KEYCLOAK/realms/master/protocol/openid-connect/token" -d grant_type=password \
  -d client_id=admin-cli -d username=admin -d "password=${KC_ADMIN_PASSWORD:-dev-only-admin}" | jq -r .access_token)
rekap_role=$(curl -sf -H "Authorization: Bearer $rekap_admin" "$KEYCLOAK/admin/realms/pemilu/roles/kpps")
mapfile -t rekap_missing < <(api - GET "/api/recap/public/progress?region=$REKAP_KEC&ballotType=PPWP&limit=1000" \
  | jq -r '.notReportedTps[]')
REKAP_PSU=${rekap_missing[-1]}
rekap_sent=0
for tps in "${rekap_missing[@]:0:${#rekap_missing[@]}-1}"; do
  user="kpps.demo.$tps"
  # master-realm tokens live 60 s; on a loaded machine the loop takes longer: a fresh one per TPS
  rekap_admin=$(curl -sf -X POST "$KEYCLOAK/realms/master/protocol/openid-connect/token" -d grant_type=password \
    -d client_id=admin-cli -d username=admin -d "password=${KC_ADMIN_PASSWORD:-dev-only-admin}" | jq -r .access_token)
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $rekap_admin" -H "Content-Type: application/json" \
    "$KEYCLOAK/admin/realms/pemilu/users" -d "$(jq -nc --arg u "$user" --arg t "$tps" --arg p "$DEV_PASSWORD" \
    '{username: $u, enabled: true, emailVerified: true, firstName: "KPPS", lastName: $t, email: "\($u)@pemilu.invalid",
      attributes: {tps_code: [$t]}, credentials: [{type: "password", value: $p, temporary: false}]}')"
  uid=$(curl -sf -H "Authorization: Bearer $rekap_admin" \
    "$KEYCLOAK/admin/realms/pemilu/users?username=$user&exact=true" | jq -r '.[0].id')
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $rekap_admin" -H "Content-Type: application/json" \
    "$KEYCLOAK/admin/realms/pemilu/users/$uid/role-mappings/realm" -d "[$rekap_role]"
  t=$(api - GET "/api/recap/public/tps/$tps")
  m=$(jq .dptMen <<< "$t"); w=$(jq .dptWomen <<< "$t"); n=$((10#${tps: -3}))
  valid=$(( (m + w) * 78 / 100 - 3 )); c1=$(( valid * (30 + n % 9) / 100 )); c2=$(( valid * (38 + n % 7) / 100 ))
  api "$user" POST "/api/recap/tps/$tps/ballots/PPWP/confirm" -H "Idempotency-Key: demo-rekap-$tps" \
    -H "Content-Type: application/json" \
    -d "$(jq -nc --argjson v "$(recap_form "$m" "$w" 3 "$c1" "$c2" $((valid - c1 - c2)))" '{values: $v}')" >/dev/null
  rekap_sent=$((rekap_sent + 1))
done
echo "$rekap_sent TPS mengirim hasil; TPS $REKAP_PSU belum (pemungutan suara ulang)."

step "PPK Gambir membuka sesi rekapitulasi PPWP: ditolak, belum semua TPS siap"
rekap_res=$(rekap_try ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/open")
echo "$(jq -r .title <<< "$rekap_res"): $(jq -r .detail <<< "$rekap_res")"
jq -r '.notReady[]? | "  \(.)"' <<< "$rekap_res"

step "PPK mencatat keputusan untuk TPS $REKAP_PSU: PSU (pemungutan suara ulang) dengan alasan"
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/decisions" -H "Content-Type: application/json" \
  -d "{\"tpsCode\":\"$REKAP_PSU\",\"decision\":\"PSU\",\"reason\":\"Surat suara tertukar dengan TPS lain; PSU dijadwalkan atas rekomendasi Panwaslu Kecamatan\"}" \
  | jq -r '"Keputusan tercatat: \(.decisions[-1].tpsCode) \(.decisions[-1].decision) - \(.decisions[-1].reason)"'
for tps in $(jq -r '.notReady[]? | select(test("ditandai|dipersoalkan")) | capture("TPS (?<t>[0-9.]+)").t' <<< "$rekap_res"); do
  t=$(api - GET "/api/recap/public/tps/$tps"); m=$(jq .dptMen <<< "$t"); w=$(jq .dptWomen <<< "$t")
  valid=$(( (m + w) * 8 / 10 - 4 )); c1=$(( valid / 3 )); c2=$(( valid / 3 ))
  api ppk.gambir POST "/api/recap/tps/$tps/ballots/PPWP/review" -H "Content-Type: application/json" \
    -d "$(jq -nc --argjson v "$(recap_form "$m" "$w" 4 "$c1" "$c2" $((valid - c1 - c2)))" \
    '{decision: "corrected", reason: "Dicocokkan dengan C.Hasil kertas dalam rapat pleno PPK", values: $v}')" \
    | jq -r '"PPK mengoreksi TPS \(.tpsCode) yang ditandai sesuai C.Hasil kertas: status \(.status)"'
done

step "Sesi dibuka"
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/open" | jq -r '"Sesi \(.regionName) \(.ballotType): \(.status), dibuka oleh \(.openedBy)"'
# the witnesses object to two TPS other than .004/.005 of desa Gambir: those stay the KPPS browser test's own (an
# accepted objection leaves a TPS "corrected", which only the PPK may change afterwards)
mapfile -t rekap_objected < <(printf '%s\n' "${rekap_missing[@]}" | grep -v -e '^31\.71\.01\.1001\.00[45]$')
REKAP_A=${rekap_objected[0]}; REKAP_B=${rekap_objected[1]}

step "Saksi PNB (saksi.pnb.gambir) mengajukan keberatan atas TPS $REKAP_A"
api saksi.pnb.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/objections" -H "Content-Type: application/json" \
  -d "{\"filedBy\":\"Andi Wijaya (saksi PNB)\",\"target\":\"$REKAP_A\",\"field\":\"votes.candidate.1\",\"claim\":\"Dua suara paslon 1 tercatat untuk paslon 2 (menurut salinan C.Hasil saksi)\"}" \
  | jq -r '.objections[-1] | "Keberatan \(.id) dari \(.filedBy) [\(.represents)] atas \(.target) kolom \(.field): \(.claim)"'
step "Saksi PKR Jakarta Pusat (saksi.pkr.jakpus) mengajukan keberatan atas TPS $REKAP_B"
api saksi.pkr.jakpus POST "/api/recap/sessions/PPWP/$REKAP_KEC/objections" -H "Content-Type: application/json" \
  -d "{\"filedBy\":\"Rina Hartati (saksi PKR)\",\"target\":\"$REKAP_B\",\"field\":\"votes.invalid\",\"claim\":\"Suara tidak sah terlalu banyak, mohon dihitung ulang\"}" \
  | jq -r '.objections[-1] | "Keberatan \(.id) dari \(.filedBy) [\(.represents)] atas \(.target) kolom \(.field): \(.claim)"'
echo "Saksi PNB Gambir tidak dapat membaca sesi kecamatan lain (Sawah Besar, 31.71.02): HTTP $(curl -s -o /dev/null -w '%{http_code}' \
  -H "Authorization: Bearer $(token saksi.pnb.gambir)" "$GATEWAY/api/recap/sessions/PPWP/31.71.02")"

step "PPK mencoba menetapkan D.Hasil: ditolak, keberatan belum dijawab"
rekap_res=$(rekap_try ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/finalize")
echo "$(jq -r .title <<< "$rekap_res"): $(jq -r '.notReady | join("; ")' <<< "$rekap_res")"

step "PPK menerima keberatan K-1: C.Hasil kertas dicocokkan, angka dikoreksi (koreksi tertaut ke keberatan)"
rekap_a=$(api ppk.gambir GET "/api/recap/tps/$REKAP_A/ballots/PPWP")
a1=$(jq '.values[] | select(.key == "votes.candidate.1") | .value' <<< "$rekap_a")
a2=$(jq '.values[] | select(.key == "votes.candidate.2") | .value' <<< "$rekap_a")
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/objections/K-1/answer" -H "Content-Type: application/json" \
  -d "{\"decision\":\"accepted\",\"reason\":\"C.Hasil kertas dibuka dalam rapat pleno: saksi benar\",\"values\":[{\"key\":\"votes.candidate.1\",\"value\":$((a1 + 2))},{\"key\":\"votes.candidate.2\",\"value\":$((a2 - 2))}]}" \
  | jq -r '.corrections[-1] | "Koreksi \(.id) atas \(.target) (keberatan \(.objectionId)): " + ([.changes[] | "\(.key) \(.before) -> \(.after)"] | join(", "))'
step "PPK menolak keberatan K-2 dengan alasan"
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/objections/K-2/answer" -H "Content-Type: application/json" \
  -d '{"decision":"rejected","reason":"Suara tidak sah dihitung ulang di depan saksi: sesuai C.Hasil"}' \
  | jq -r '.objections[-1] | "Keberatan \(.id): \(.answer.decision) - \(.answer.reason)"'
step "PPK mencatat kejadian khusus"
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/events" -H "Content-Type: application/json" \
  -d "{\"target\":\"$REKAP_PSU\",\"description\":\"Kotak suara TPS $REKAP_PSU disegel ulang menunggu PSU\"}" \
  | jq -r '.events[-1] | "Kejadian khusus \(.id): \(.description)"'

step "PPK menetapkan D.Hasil Kecamatan Gambir (SHA-256 + tanda tangan Ed25519)"
rekap_res=$(api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/finalize")
jq -r '"D.Hasil \(.regionCode) versi \(.version), SHA-256 \(.sha256[0:16])..., kunci \(.keyId)\(if .devKey then " (KUNCI PENGEMBANGAN)" else "" end)\nJSON: \(.documentUrl)"' <<< "$rekap_res"
rekap_pdf PPWP "$REKAP_KEC" 1
api - GET "/api/recap/public/dhasil/PPWP/$REKAP_KEC/versions/1/verify" | jq -r '"Verifikasi publik: \(.result)"'

rekap_tier() { # USER REGION LABEL
  api "$1" POST "/api/recap/sessions/PPWP/$2/open" >/dev/null
  api "$1" POST "/api/recap/sessions/PPWP/$2/finalize" \
    | jq -r --arg l "$3" '"D.Hasil \($l) \(.regionCode) versi \(.version) ditetapkan, SHA-256 \(.sha256[0:16])..."'
  rekap_pdf PPWP "$2" 1
}
step "KPU Jakarta Pusat menjumlahkan D.Hasil kecamatan (bukan data TPS langsung) -> D.Hasil Kabupaten/Kota"
rekap_tier kpu.jakpus 31.71 "Kabupaten/Kota"
step "KPU Provinsi DKI Jakarta -> D.Hasil Provinsi"
rekap_tier kpu.dki 31 "Provinsi"
step "KPU RI -> D.Hasil Nasional"
rekap_tier kpu.ri ID "Nasional"
api - GET "/api/recap/public/dhasil/PPWP/ID" | jq -r '"Perolehan suara nasional (D.Hasil, status \(.live.status)):",
  (.dHasil.totals[] | select(.key | startswith("votes.")) | "  \(.key) = \(.value)")'

step "Hasil TPS $REKAP_B diubah setelah D.Hasil Kecamatan ditetapkan -> publik melihat 'berbeda dari D.Hasil'"
rekap_b=$(api ppk.gambir GET "/api/recap/tps/$REKAP_B/ballots/PPWP")
b3=$(jq '.values[] | select(.key == "votes.candidate.3") | .value' <<< "$rekap_b")
b1=$(jq '.values[] | select(.key == "votes.candidate.1") | .value' <<< "$rekap_b")
api ppk.gambir POST "/api/recap/tps/$REKAP_B/ballots/PPWP/review" -H "Content-Type: application/json" \
  -d "{\"decision\":\"corrected\",\"reason\":\"Rekomendasi Bawaslu: salah salin\",\"values\":[{\"key\":\"votes.candidate.3\",\"value\":$((b3 + 1))},{\"key\":\"votes.candidate.1\",\"value\":$((b1 - 1))}]}" >/dev/null
api - GET "/api/recap/public/dhasil/PPWP/$REKAP_KEC" | jq -r '"Kecamatan Gambir: \(.live.status)",
  (.live.differences[] | select(.key != null) | "  \(.target) \(.key): D.Hasil \(.dHasil), kini \(.live)")'
echo "PPK tidak dapat membuka kembali D.Hasil-nya sendiri: HTTP $(curl -s -o /dev/null -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $(token ppk.gambir)" -H "Content-Type: application/json" -d '{"reason":"ubah sendiri"}' \
  "$GATEWAY/api/recap/sessions/PPWP/$REKAP_KEC/reopen")"
step "KPU Jakarta Pusat membuka kembali D.Hasil Gambir (alasan tercatat); PPK menetapkan versi 2"
api kpu.jakpus POST "/api/recap/sessions/PPWP/$REKAP_KEC/reopen" -H "Content-Type: application/json" \
  -d '{"reason":"Rekomendasi Bawaslu Kota Jakarta Pusat atas hasil TPS yang diperbaiki"}' \
  | jq -r '"Sesi \(.regionCode): \(.status), versi sesi \(.version)"'
api ppk.gambir POST "/api/recap/sessions/PPWP/$REKAP_KEC/finalize" | jq -r '"D.Hasil \(.regionCode) versi \(.version) ditetapkan"'
rekap_pdf PPWP "$REKAP_KEC" 2
api - GET "/api/recap/public/dhasil/PPWP/$REKAP_KEC" | jq -r '"Kecamatan Gambir kini: \(.live.status); versi tersedia: \(.versions | length)"'
api - GET "/api/recap/public/dhasil/PPWP/31.71" | jq -r '"Jakarta Pusat (D.Hasil versi \(.dHasil.version)): \(.live.status) - menunggu dibuka kembali oleh KPU DKI"'
