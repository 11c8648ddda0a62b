package id.pemilu.recap.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a registry entry; the TPS code is the id. */
@Document("tps")
record StationDocument(@Id String id, int dptMen, int dptWomen) {
}
