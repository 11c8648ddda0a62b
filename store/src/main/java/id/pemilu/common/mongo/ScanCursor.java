package id.pemilu.common.mongo;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The rest of an unsorted query over a collection of the embedded store, read from the collection a batch at a time
 * (from the id after the last one read) instead of being collected in memory when the query starts. Like a MongoDB
 * cursor, it sees documents as they are when each batch is read.
 */
final class ScanCursor extends AbstractCursor {

    /** Documents read from the store per step while looking for matches. */
    static final int READ_STEP = 256;
    /** Batch size when the client names none (MongoDB caps such batches at 16 MB). */
    static final int DEFAULT_BATCH = 1000;

    private final MVMap<Object, Object> documents;
    private final Function<List<Document>, List<Document>> matchAndProject;
    private final MVStore store;
    private final ArrayDeque<Document> pending = new ArrayDeque<>();
    private Object lastKey;
    private boolean exhausted;
    private int toSkip;
    private int remaining;

    /**
     * @param matchAndProject keeps the documents of a step that match the query, projected as asked
     * @param limit           0 = no limit
     */
    ScanCursor(long id, MVStore store, MVMap<Object, Object> documents,
               Function<List<Document>, List<Document>> matchAndProject, int skip, int limit) {
        super(id);
        this.store = store;
        this.documents = documents;
        this.matchAndProject = matchAndProject;
        this.toSkip = Math.max(skip, 0);
        this.remaining = limit > 0 ? limit : Integer.MAX_VALUE;
    }

    @Override
    public synchronized boolean isEmpty() {
        return (exhausted && pending.isEmpty()) || remaining == 0;
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        int wanted = Math.min(numberToReturn > 0 ? numberToReturn : DEFAULT_BATCH, remaining);
        List<Document> batch = new ArrayList<>(Math.min(wanted, DEFAULT_BATCH));
        while (batch.size() < wanted) {
            if (pending.isEmpty()) {
                if (exhausted) {
                    break;
                }
                List<Document> step = PinnedScanCollection.pinned(store, this::readStep);
                for (Document match : matchAndProject.apply(step)) {
                    if (toSkip > 0) {
                        toSkip--;
                    } else {
                        pending.add(match);
                    }
                }
            } else {
                batch.add(pending.poll());
            }
        }
        remaining -= batch.size();
        return batch;
    }

    private List<Document> readStep() {
        List<Document> step = new ArrayList<>(READ_STEP);
        Cursor<Object, Object> cursor = documents.cursor(lastKey);
        while (step.size() < READ_STEP && cursor.hasNext()) {
            Object key = cursor.next();
            if (lastKey != null && documents.getKeyType().compare(key, lastKey) == 0) {
                continue;
            }
            step.add(StoredBson.document(cursor.getValue()));
            lastKey = key;
        }
        if (step.size() < READ_STEP) {
            exhausted = true;
        }
        return step;
    }
}
