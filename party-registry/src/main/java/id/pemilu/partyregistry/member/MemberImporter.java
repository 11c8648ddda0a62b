package id.pemilu.partyregistry.member;

import id.pemilu.common.mongo.StoreDurability;
import id.pemilu.common.domain.DomainException;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.partyregistry.crypto.NikCipher;
import id.pemilu.partyregistry.member.file.MalformedFileException;
import id.pemilu.partyregistry.member.file.MemberFileReader;
import id.pemilu.partyregistry.member.file.RawRow;
import id.pemilu.partyregistry.party.PartyService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Imports a party's member list. First the whole file is checked (size, encoding, columns, at least one row)
 * without writing anything; a malformed file is refused with a 4xx. Then rows are written in batches of 1,000,
 * tagged with the import id: they stay invisible (not counted, not flagged, not found by the citizen check) until the
 * import completes, and a failed import is cleaned up. Imports run one at a time, in upload order.
 */
@Service
public class MemberImporter {

    static final int BATCH = 1000;
    /** Batches the reading thread may prepare ahead of the writes. */
    private static final int READ_AHEAD = 4;
    private static final long READER_STOP_MILLIS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MemberImporter.class);

    private final Members members;
    private final MemberImports imports;
    private final Officials officials;
    private final NikHasher hasher;
    private final NikCipher cipher;
    private final PartyService parties;
    private final MemberProperties properties;
    private final Clock clock;
    // the embedded store's commit (absent with a real MongoDB, whose acknowledged writes are already durable)
    private final ObjectProvider<StoreDurability> durability;
    private final NikCheck check = new NikCheck(Wilayah.indonesia());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "member-import");
        t.setDaemon(true);
        return t;
    });

    MemberImporter(Members members, MemberImports imports, Officials officials, NikHasher hasher, NikCipher cipher,
                   PartyService parties, MemberProperties properties, Clock clock,
                   ObjectProvider<StoreDurability> durability) {
        this.durability = durability;
        this.members = members;
        this.imports = imports;
        this.officials = officials;
        this.hasher = hasher;
        this.cipher = cipher;
        this.parties = parties;
        this.properties = properties;
        this.clock = clock;
    }

    /** Outcome of an upload: the import and whether this exact file had been imported already. */
    public record Started(MemberImport memberImport, boolean alreadyImported) {
    }

    /**
     * Checks and registers an upload; runs it in the background, or before returning when {@code wait} is true.
     * The same file for the same party returns the earlier import and changes nothing.
     */
    public Started start(String partyId, String fileName, InputStream content, String by, boolean wait)
            throws IOException {
        parties.get(partyId);
        Path file = Files.createTempFile("members-", ".upload");
        boolean handedOver = false;
        try {
            String sha256 = copyLimited(content, file);
            String importId = partyId + "-" + sha256.substring(0, 24);
            var earlier = imports.find(importId);
            if (earlier.isPresent() && earlier.get().getStatus() != MemberImport.Status.FAILED) {
                return new Started(earlier.get(), true);
            }
            long rows = countRows(file, fileName);
            MemberImport memberImport = imports.save(new MemberImport(importId, partyId, fileName, sha256,
                    Files.size(file), rows, by));
            handedOver = true;
            if (wait) {
                return new Started(run(memberImport, file, fileName), false);
            }
            worker.submit(() -> run(memberImport, file, fileName));
            return new Started(memberImport, false);
        } catch (MalformedFileException e) {
            throw DomainException.invalid(e.getMessage());
        } finally {
            if (!handedOver) {
                Files.deleteIfExists(file);
            }
        }
    }

    private String copyLimited(InputStream content, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long limit = properties.maxImportBytes();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new DomainException(DomainException.Kind.TOO_LARGE, "Berkas terlalu besar",
                            "Berkas lebih dari " + (limit / (1024 * 1024))
                                    + " MB. Pecah daftar anggota menjadi beberapa berkas; tidak ada yang diimpor.");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new MalformedFileException("Berkas kosong.");
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static long countRows(Path file, String fileName) throws IOException {
        long rows = 0;
        try (MemberFileReader reader = MemberFileReader.open(file, fileName)) {
            while (reader.next() != null) {
                rows++;
            }
        }
        if (rows == 0) {
            throw new MalformedFileException("Berkas tidak berisi satu pun baris anggota.");
        }
        return rows;
    }

    /**
     * Rows of the file as the reading thread prepared them, up to a batch; the last chunk has {@code last} set, or
     * carries the {@code failure} that ended the reading.
     */
    private record Chunk(long rowsRead, List<ImportBatch.Parsed> parsed, List<Document> rejections, boolean last,
                         Exception failure) {
    }

    /**
     * Two threads: one reads the file and does all the work that depends on a row alone (parsing, NIK checks, the
     * NIK hash, encryption), a batch ahead; this one looks up the persons already stored and writes, one batch after
     * the other (a batch must see the previous one's persons to flag duplicates).
     */
    private MemberImport run(MemberImport memberImport, Path file, String fileName) {
        String partyId = memberImport.getPartyId();
        Set<String> otherParties = new HashSet<>();
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(READ_AHEAD);
        LocalDate today = LocalDate.now(clock);
        Thread reading = new Thread(() -> readAhead(memberImport.getId(), file, fileName, today, chunks),
                "member-import-reader");
        reading.setDaemon(true);
        reading.start();
        try {
            Map<String, String> staff = officials.all();
            Set<String> completed = imports.completedIds();
            long imported = 0;
            long rejected = 0;
            long flagged = 0;
            Chunk chunk;
            do {
                chunk = chunks.take();
                if (chunk.failure() != null) {
                    throw chunk.failure();
                }
                List<ImportBatch.Parsed> parsed = chunk.parsed();
                Map<String, Person> existing = new HashMap<>();
                if (!parsed.isEmpty()) {
                    members.findAll(parsed.stream().map(ImportBatch.Parsed::nikHash).distinct().toList())
                            .forEach(p -> existing.put(p.getId(), p));
                }
                ImportBatch batch = ImportBatch.build(memberImport.getId(), partyId, parsed, existing, staff,
                        completed);
                members.writeBatch(batch.inserts, batch.updates);
                List<Document> problems = new ArrayList<>(chunk.rejections());
                problems.addAll(batch.problems);
                imports.saveProblems(problems);
                otherParties.addAll(batch.otherParties);
                imported += batch.imported;
                rejected += chunk.rejections().size();
                flagged += batch.flagged;
                memberImport.progress(chunk.rowsRead(), imported, rejected, flagged);
                imports.save(memberImport);
            } while (!chunk.last());
            memberImport.complete();
            imports.save(memberImport);
            long commitStart = System.nanoTime();
            durability.ifAvailable(StoreDurability::commit);
            log.info("Import {} completed: {} rows ({} imported, {} rejected, {} flagged); store committed in {} ms",
                    memberImport.getId(), memberImport.getRowsDone(), imported, rejected, flagged,
                    (System.nanoTime() - commitStart) / 1_000_000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Import {} failed; its rows are removed", memberImport.getId(), e);
            rollBack(memberImport, e instanceof MalformedFileException ? e.getMessage()
                    : "Impor gagal karena gangguan sistem; unggah ulang berkas yang sama.");
            return memberImport;
        } finally {
            reading.interrupt();
            try {
                reading.join(READER_STOP_MILLIS);
                Files.deleteIfExists(file);
            } catch (IOException | InterruptedException e) {
                log.warn("Could not delete {}", file);
            }
        }
        Set<String> concerned = new LinkedHashSet<>();
        concerned.add(partyId);
        concerned.addAll(otherParties);
        long reevaluateStart = System.nanoTime();
        parties.reevaluate(concerned);
        log.info("Requirements of {} parties recomputed after import {} in {} ms", concerned.size(),
                memberImport.getId(), (System.nanoTime() - reevaluateStart) / 1_000_000);
        return memberImport;
    }

    /** The reading thread: hands over chunks of prepared rows until the file ends, fails, or the import stops. */
    private void readAhead(String importId, Path file, String fileName, LocalDate today, BlockingQueue<Chunk> chunks) {
        try {
            try (MemberFileReader reader = MemberFileReader.open(file, fileName)) {
                long read = 0;
                List<ImportBatch.Parsed> parsed = new ArrayList<>(BATCH);
                List<Document> rejections = new ArrayList<>();
                for (RawRow raw = reader.next(); raw != null; raw = reader.next()) {
                    read++;
                    try {
                        parsed.add(ImportBatch.Parsed.of(raw.rowNumber(), MemberRow.of(raw), hasher, check, cipher,
                                today));
                    } catch (IllegalArgumentException e) {
                        rejections.add(ImportBatch.problem(importId, raw.rowNumber(),
                                NikCipher.mask(raw.get(id.pemilu.partyregistry.member.file.Column.NIK)),
                                "REJECTED", List.of(e.getMessage())));
                    }
                    if (parsed.size() >= BATCH || rejections.size() >= BATCH) {
                        chunks.put(new Chunk(read, parsed, rejections, false, null));
                        parsed = new ArrayList<>(BATCH);
                        rejections = new ArrayList<>();
                    }
                }
                chunks.put(new Chunk(read, parsed, rejections, true, null));
            } catch (RuntimeException | IOException e) {
                chunks.put(new Chunk(0, List.of(), List.of(), true, e));
            }
        } catch (InterruptedException e) {
            // the import stopped: nobody takes further chunks
            Thread.currentThread().interrupt();
        }
    }

    private void rollBack(MemberImport memberImport, String reason) {
        String importId = memberImport.getId();
        for (Person person : members.withAnyRowOf(importId)) {
            person.getMemberships().forEach(m -> m.getRows().removeIf(r -> importId.equals(r.importId())));
            person.getMemberships().removeIf(m -> m.getRows().isEmpty());
            person.getExtraRows().removeIf(r -> importId.equals(r.importId()));
            members.save(person);
        }
        imports.dropProblems(importId);
        memberImport.fail(reason);
        imports.save(memberImport);
    }

    /**
     * An import that was running when the service stopped left invisible rows behind: remove them and mark the
     * import failed, so the party can upload the same file again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void cleanUpInterruptedImports() {
        for (MemberImport interrupted : imports.running()) {
            log.warn("Import {} was interrupted by a restart; its rows are removed", interrupted.getId());
            rollBack(interrupted, "Layanan dimulai ulang saat impor berjalan; unggah ulang berkas yang sama.");
        }
    }

    /** Used by tests and the benchmark: waits until queued imports have run. */
    void drain() {
        try {
            worker.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
