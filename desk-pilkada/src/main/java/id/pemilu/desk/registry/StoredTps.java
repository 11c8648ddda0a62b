package id.pemilu.desk.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One TPS of the desk's copy of the registry; {@code dpt} = men + women as recap-service lists them. */
@Document("tps")
record StoredTps(@Id String code, int dpt) {
}
