package id.pemilu.desk.report;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.registry.TpsDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration
class ReportConfig {

    @Bean
    ReportIndex reportIndex(MongoTemplate mongo) {
        ReportIndex index = new ReportIndex();
        index.load(mongo);
        return index;
    }

    @Bean
    Reporters reporters(MongoTemplate mongo) {
        return new Reporters(mongo);
    }

    @Bean
    ReportService reportService(MongoTemplate mongo, TpsDirectory directory, ReportIndex index, Reporters reporters,
                                DeskProperties properties) {
        return new ReportService(mongo, directory, index, reporters, properties, Clock.systemUTC());
    }

    @Bean
    ReportPhotos reportPhotos(MongoTemplate mongo, ReportService reports, DeskProperties properties) {
        return new ReportPhotos(mongo, reports, properties, Clock.systemUTC());
    }
}
