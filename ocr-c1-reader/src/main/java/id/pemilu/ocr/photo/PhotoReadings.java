package id.pemilu.ocr.photo;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PhotoReadings extends MongoRepository<PhotoReading, String> {
}
