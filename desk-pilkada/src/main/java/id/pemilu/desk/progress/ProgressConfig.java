package id.pemilu.desk.progress;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.registry.TpsDirectory;
import id.pemilu.desk.report.ReportIndex;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProgressConfig {

    @Bean
    ProgressService progressService(TpsDirectory directory, ReportIndex index, DeskProperties properties) {
        return new ProgressService(directory, index, properties, Clock.systemUTC());
    }
}
