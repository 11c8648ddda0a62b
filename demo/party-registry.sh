# Demo Sipol (party-registry): pendaftaran partai, kepengurusan, impor anggota, tanda masalah, verifikasi MS/TMS,
# sampel verifikasi faktual, pemeriksaan NIK oleh warga dan aduan yang berakhir dengan penghapusan.
# Sourced by ./suite demo after demo/lib.sh (uses api, step, jq) under `set -euo pipefail`: every call that may
# legitimately fail (already registered, rate limit on a second run within the hour) is guarded. Safe to run twice.
PR_ROOT=${ROOT:-$(pwd)}
PR_OUT="${TMPDIR:-/tmp}/pemilu-demo-party-registry"
PR_WILAYAH="$PR_ROOT/common/src/main/resources/wilayah"
mkdir -p "$PR_OUT"

# The six pnb members candidate-service's demo nominates (must end up MS in Sipol). Gambir = 31.71.01.
PR_CANDIDATES=(
  "3171014101900001,Dewi Lestari,P,1990-01-01"
  "3171015202910002,Andi Saputra,L,1991-02-12"
  "3171010303920003,Budi Santoso,L,1992-03-03"
  "3171014404930004,Citra Ayu,P,1993-04-04"
  "3171015505940005,Eka Pratiwi,P,1994-05-15"
  "3171010606950006,Fajar Nugroho,L,1995-06-06"
)
PR_CITIZEN_NIK=3171014707950011
PR_CITIZEN_NAME="Sri Wahyuni"
PR_CROSS_NIK=3171011111810013
PR_OFFICIAL_NIK=3171011212820014

# pnb has offices in every province, 75 % of the kab/kota of each province and 50 % of the kecamatan of each of
# those (taken in code order from the bundled wilayah data), and two members in each of those kab/kota.
pr_generate() {
  awk -F, -v out="$PR_OUT" '
    FNR == 1 { file++; next }
    file == 1 { prov[++np] = $1; next }
    file == 2 { nk[$2]++; kab[$2, nk[$2]] = $1; next }
    file == 3 { nc[$2]++; kec[$2, nc[$2]] = $1; next }
    END {
      b = out "/pnb-kepengurusan.json"; m = out "/pnb-batas-minimal.json"; a = out "/pnb-anggota-umum.csv"
      printf "{\"branches\":[" > b; printf "{\"minimums\":{" > m; sep = ""; msep = ""; serial = 100
      for (i = 1; i <= np; i++) {
        p = prov[i]; printf "%s{\"regionCode\":\"%s\"}", sep, p > b; sep = ","
        needK = int((nk[p] * 75 + 99) / 100)
        for (j = 1; j <= needK; j++) {
          k = kab[p, j]; printf ",{\"regionCode\":\"%s\"}", k > b
          printf "%s\"%s\":2", msep, k > m; msep = ","
          needC = int((nc[k] * 50 + 99) / 100)
          for (c = 1; c <= needC; c++) printf ",{\"regionCode\":\"%s\"}", kec[k, c] > b
          digits = kec[k, 1]; gsub(/\./, "", digits)
          for (n = 1; n <= 2; n++) {
            serial++
            printf "%s010180%04d,Anggota Demo %d,L,1980-01-01,PNB-%d,%s\n", digits, serial, serial, serial, k > a
          }
        }
      }
      printf "]}" > b; printf "}}" > m
    }' "$PR_WILAYAH/provinces.csv" "$PR_WILAYAH/regencies.csv" "$PR_WILAYAH/districts.csv"

  {
    echo "nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota"
    for c in "${PR_CANDIDATES[@]}"; do
      IFS=, read -r nik name gender born <<< "$c"
      echo "$nik,$name,$gender,$born,PNB-C${nik: -1},31.71"
    done
    echo "$PR_CITIZEN_NIK,$PR_CITIZEN_NAME,P,1995-07-07,PNB-11,31.71"
    echo "3171011010800012,Rahmat Hidayat,L,1980-10-10,PNB-12,31.71"
    echo "3171011010800012,Rahmat Hidayat,L,1980-10-10,PNB-12B,31.71"
    echo "$PR_CROSS_NIK,Yanto Kurniawan,L,1981-11-11,PNB-13,31.71"
    echo "$PR_OFFICIAL_NIK,Bayu Aji,L,1982-12-12,PNB-14,31.71"
    echo "3171010505850015,Tanggal Keliru,L,1985-06-05,PNB-15,31.71"
    echo "31710112128,Salah Ketik,L,1982-12-12,PNB-16,31.71"
    cat "$PR_OUT/pnb-anggota-umum.csv"
  } > "$PR_OUT/pnb-anggota.csv"

  cat > "$PR_OUT/pkr-anggota.csv" <<EOF
nik,nama,jenis_kelamin,tanggal_lahir,no_kta,kabkota
$PR_CROSS_NIK,Yanto Kurniawan,L,1981-11-11,PKR-1,31.71
3171024101880021,Maya Sari,P,1988-01-01,PKR-2,31.71
3171020202870022,Joko Susilo,L,1987-02-02,PKR-3,31.71
EOF
}

pr_party() { # id name abbreviation branches-json-or-file
  printf '{"id":"%s","name":"%s","abbreviation":"%s","leadership":[' "$1" "$2" "$3"
  printf '{"name":"Ratna Dewi","role":"Ketua Umum","gender":"P"},{"name":"Hasan Basri","role":"Sekretaris Jenderal","gender":"L"},'
  printf '{"name":"Lina Marlina","role":"Bendahara Umum","gender":"P"},{"name":"Arif Rahman","role":"Wakil Ketua Umum","gender":"L"},'
  printf '{"name":"Wahyu Hidayat","role":"Wakil Sekretaris Jenderal","gender":"L"}],'
  printf '"branches":%s}' "$4"
}

pr_report() { # partyId
  api kpu.ri GET "/api/parties/$1/requirements" | jq -r '"  memenuhi syarat: \(.met)",
    (.rules[] | "  [\(if .met then "v" else "x" end)] \(.description): \(.actual)/\(.required)"
      + (if (.failing | length) > 0 then " (mis. \(.failing[0]))" else "" end))'
}

pr_member_id() { # partyId nik -> memberId (as KPU Jakarta Pusat, who sees readable NIKs of 31.71)
  api kpu.jakpus GET "/api/parties/$1/members?kabKotaCode=31.71&limit=1000" | jq -r --arg nik "$2" '.[] | select(.nik == $nik) | .memberId' | head -1
}

pr_limited() { echo "  (batas pemeriksaan per NIK tercapai pada demo sebelumnya; coba lagi satu jam lagi)"; }

pr_import() { # user partyId file
  api "$1" POST "/api/parties/$2/member-imports?wait=true" -F "file=@$3" \
    | jq -r '"  impor \(.id): \(.status), \(.rowsTotal) baris, \(.imported) masuk, \(.rejected) ditolak, \(.flagged) bertanda"'
}

pr_demo() {
  pr_generate
  local pnb_branches
  pnb_branches=$(jq -c '.branches' "$PR_OUT/pnb-kepengurusan.json")

  step "KPU RI mendaftarkan tiga partai (pnb dengan kepengurusan di seluruh provinsi; pkr dan phl baru di DKI)"
  api kpu.ri POST /api/parties -H 'Content-Type: application/json' \
    -d "$(pr_party pnb "Partai Nusantara Bersatu" PNB "$pnb_branches")" \
    | jq -r '"  \(.id) \(.name): \(.branches | length) kepengurusan"' || echo "  pnb sudah terdaftar"
  api operator.pkr POST /api/parties -H 'Content-Type: application/json' \
    -d "$(pr_party pkr "Partai Karya Rakyat" PKR '[{"regionCode":"31"},{"regionCode":"31.71"},{"regionCode":"31.71.01"}]')" \
    | jq -r '"  \(.id) \(.name) (didaftarkan operator.pkr)"' || echo "  pkr sudah terdaftar"
  api kpu.ri POST /api/parties -H 'Content-Type: application/json' \
    -d "$(pr_party phl "Partai Hijau Lestari" PHL '[{"regionCode":"31"},{"regionCode":"31.74"}]')" \
    | jq -r '"  \(.id) \(.name)"' || echo "  phl sudah terdaftar"

  step "operator.pkr mencoba mendaftarkan partai lain (pnx): ditolak (403)"
  api operator.pkr POST /api/parties -H 'Content-Type: application/json' \
    -d "$(pr_party pnx "Partai Palsu" PNX '[]')" 2>/dev/null | jq -r '"  \(.status) \(.detail)"' || true

  step "Laporan syarat pnb sebelum ada anggota: kepengurusan lengkap, anggota belum"
  pr_report pnb

  step "KPU RI memasukkan data batas minimal anggota per kab/kota (CONTOH DEMO: 2 anggota, bukan data resmi)"
  api kpu.ri PUT /api/parties/member-minimums -H 'Content-Type: application/json' \
    --data-binary @"$PR_OUT/pnb-batas-minimal.json" && echo "  $(jq '.minimums | length' "$PR_OUT/pnb-batas-minimal.json") kab/kota"

  step "KPU Jakarta Pusat mengunggah daftar NIK pegawainya (penyelenggara tidak boleh jadi anggota partai)"
  api kpu.jakpus POST /api/members/officials -H 'Content-Type: application/json' \
    -d "{\"agency\":\"KPU Kota Jakarta Pusat\",\"niks\":[\"$PR_OFFICIAL_NIK\"]}" | jq -r '"  \(.stored) NIK pegawai \(.agency) disimpan"'

  step "operator.pkr mengimpor daftar anggota pkr (CSV)"
  pr_import operator.pkr pkr "$PR_OUT/pkr-anggota.csv"

  step "operator.pnb mengimpor daftar anggota pnb ($(($(wc -l < "$PR_OUT/pnb-anggota.csv") - 1)) baris: ada ganda, anggota partai lain, pegawai KPU, NIK salah)"
  pr_import operator.pnb pnb "$PR_OUT/pnb-anggota.csv"
  local import_id
  import_id=$(api operator.pnb GET /api/parties/pnb/member-imports | jq -r '.[-1].id') || true
  echo "  laporan per baris (unduh CSV):"
  api operator.pnb GET "/api/parties/pnb/member-imports/$import_id/report" | head -8 | sed 's/^/    /' || true

  step "Mengunggah berkas yang sama sekali lagi: tidak ada yang berubah"
  pr_import operator.pnb pnb "$PR_OUT/pnb-anggota.csv"

  step "Berkas rusak (kolom salah): ditolak dengan pesan jelas, tidak ada yang diimpor"
  printf 'nik,nama\n123,Budi\n' > "$PR_OUT/rusak.csv"
  api operator.pnb POST "/api/parties/pnb/member-imports?wait=true" -F "file=@$PR_OUT/rusak.csv" 2>/dev/null \
    | jq -r '"  \(.status) \(.detail)"' || true

  step "Anggota bertanda di Jakarta Pusat (yang bertanda tidak dihitung sampai KPU memutus MS)"
  api kpu.jakpus GET "/api/parties/pnb/members?kabKotaCode=31.71&limit=1000" \
    | jq -r '.[] | select(.flags | length > 0) | "  \(.fullName): \(.flags | join(", "))"'
  echo "  di pkr:"
  api operator.pkr GET "/api/parties/pkr/members" | jq -r '.[] | select(.flags | length > 0) | "    \(.fullName): \(.flags | join(", "))"'

  step "operator.pkr mencoba melihat anggota pnb: ditolak (403)"
  api operator.pkr GET /api/parties/pnb/members 2>/dev/null | jq -r '"  \(.status) \(.detail)"' || true

  step "KPU Jakarta Pusat memverifikasi: enam calon MS, pegawai KPU TMS dengan alasan"
  local c nik id
  for c in "${PR_CANDIDATES[@]}"; do
    nik=${c%%,*}
    id=$(pr_member_id pnb "$nik") || true
    [ -n "$id" ] && api kpu.jakpus PUT "/api/parties/pnb/members/$id/verification" -H 'Content-Type: application/json' \
      -d '{"result":"MS"}' | jq -r '"  \(.fullName): \(.status)"' || true
  done
  id=$(pr_member_id pnb "$PR_OFFICIAL_NIK") || true
  [ -n "$id" ] && api kpu.jakpus PUT "/api/parties/pnb/members/$id/verification" -H 'Content-Type: application/json' \
    -d '{"result":"TMS","reason":"Pegawai KPU Kota Jakarta Pusat"}' | jq -r '"  \(.fullName): \(.status) - \(.statusReason)"' || true

  step "Sampel verifikasi faktual Jakarta Pusat dari benih terbuka 'undian-demo-2026' (siapa pun bisa mengundi ulang)"
  { api kpu.jakpus POST /api/parties/pnb/factual-samples -H 'Content-Type: application/json' \
    -d '{"kabKotaCode":"31.71","seed":"undian-demo-2026","size":3}' \
    | jq -r '"  benih \(.seed): \(.size) dari \(.population) anggota MS", (.memberIds[] | "    \(.[0:16])…")'
  api bawaslu.ri GET "/api/parties/pnb/factual-samples/redraw?kabKotaCode=31.71&seed=undian-demo-2026&size=3" \
    | jq -r '"  undi ulang oleh Bawaslu: " + ([.memberIds[] | .[0:16] + "…"] | join(", "))'; } \
    || echo "  (belum ada anggota MS untuk diundi)"

  step "Warga memeriksa NIK-nya (tanpa login): NIK + nama lengkap harus cocok"
  api - POST /api/members/public/nik-check -H 'Content-Type: application/json' \
    -d "{\"nik\":\"$PR_CITIZEN_NIK\",\"fullName\":\"$PR_CITIZEN_NAME\"}" | jq -c '.' | sed 's/^/  nama cocok:   /' || pr_limited
  api - POST /api/members/public/nik-check -H 'Content-Type: application/json' \
    -d "{\"nik\":\"$PR_CITIZEN_NIK\",\"fullName\":\"Orang Lain\"}" | jq -c '.' | sed 's/^/  nama lain:    /' || pr_limited
  api - POST /api/members/public/nik-check -H 'Content-Type: application/json' \
    -d '{"nik":"3171015807990099","fullName":"Sri Wahyuni"}' | jq -c '.' | sed 's/^/  NIK lain:     /' || pr_limited

  step "Warga mengadu: 'saya tidak pernah mendaftar'; keanggotaannya dibekukan"
  local complaint
  complaint=$(api - POST /api/members/public/complaints -H 'Content-Type: application/json' \
    -d "{\"nik\":\"$PR_CITIZEN_NIK\",\"fullName\":\"$PR_CITIZEN_NAME\",\"partyId\":\"pnb\",\"statement\":\"Saya tidak pernah mendaftar sebagai anggota partai ini.\"}" \
    2>/dev/null | jq -r '.complaintId // empty') || true
  if [ -n "$complaint" ]; then
    echo "  nomor aduan $complaint"
    step "operator.pnb menjawab aduan; KPU Jakarta Pusat memutus: dihapus (final, dicatat, dikirim sebagai event)"
    api operator.pnb POST "/api/parties/pnb/complaints/$complaint/answer" -H 'Content-Type: application/json' \
      -d '{"statement":"Formulir pendaftaran tidak dapat kami temukan."}' | jq -r '"  partai: \(.status)"'
    api kpu.jakpus POST "/api/members/complaints/$complaint/decision" -H 'Content-Type: application/json' \
      -d '{"decision":"REMOVE","reason":"Partai tidak punya bukti pendaftaran."}' \
      | jq -r '"  KPU: \(.status) - \(.decision.reason)"'
  else
    echo "  (aduan sudah diputus pada demo sebelumnya)"
  fi
  api - POST /api/members/public/nik-check -H 'Content-Type: application/json' \
    -d "{\"nik\":\"$PR_CITIZEN_NIK\",\"fullName\":\"$PR_CITIZEN_NAME\"}" | jq -c '.' | sed 's/^/  periksa lagi: /' || pr_limited
  echo "  Bawaslu melihat semua aduan dan putusan:"
  api bawaslu.ri GET /api/members/complaints \
    | jq -r '.[] | "    \(.id) \(.partyId) \(.kabKotaCode): \(.status) \(.decision.reason // "")"'

  step "Laporan syarat pnb sekarang (hasilnya dikirim ke Silon lewat event PartyRequirementsEvaluated)"
  pr_report pnb
}

pr_demo
