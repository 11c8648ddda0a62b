package id.pemilu.recap.result;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Confirmed TPS results, one per TPS and ballot type. */
interface TpsResults extends MongoRepository<TpsResult, String> {
}
