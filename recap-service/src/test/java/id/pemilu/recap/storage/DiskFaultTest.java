package id.pemilu.recap.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.pemilu.common.mongo.StoreSpace;
import id.pemilu.common.test.DiskFaults;
import id.pemilu.common.test.Tokens;
import id.pemilu.recap.RecapServiceApplication;
import id.pemilu.recap.registry.Station;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.recap.testdata.Forms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disk of recap-service's store stops taking writes in the middle of a stream of KPPS confirmations (its H2 file
 * made unwritable, as a read-only or full volume would) and comes back: during the fault every confirmation is
 * answered 503 (a problem in Bahasa Indonesia with Retry-After), never 2xx; reads go on; the client retries with the
 * same Idempotency-Key and is acknowledged once the disk is back; after a restart on the same file every TPS holds
 * exactly the numbers last acknowledged for it.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class DiskFaultTest {

    static final Path DATA = temporaryFolder();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DESA = "31.71.01.1003";

    StoreSpace space;

    /** recap-service as its own process would run it, on the test's data folder (started twice: a restart). */
    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RecapServiceApplication.class)
                .run("--pemilu.mongo.embedded.data-dir=" + DATA, "--server.port=0");
    }

    /** MockMvc with the service's own servlet filters (the durable-writes filter among them) and its security. */
    static MockMvc mvcOf(ConfigurableApplicationContext service) {
        var builder = MockMvcBuilders.webAppContextSetup((WebApplicationContext) service);
        service.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .sorted(java.util.Comparator.comparingInt(FilterRegistrationBean::getOrder))
                .forEach(registration -> builder.addFilter(registration.getFilter(),
                        ((java.util.Collection<String>) registration.getUrlPatterns()).toArray(String[]::new)));
        return builder.apply(springSecurity()).build();
    }

    record Outcome(int status, String body, String retryAfter) {
    }

    Outcome confirm(MockMvc to, String tps, Map<String, Integer> values, String key) throws Exception {
        MockHttpServletResponse response = to.perform(post("/api/recap/tps/" + tps + "/ballots/PPWP/confirm")
                .with(Tokens.kpps(tps)).header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\":" + Forms.json(values) + ",\"reason\":\"Uji disk penuh: angka baru\"}"))
                .andReturn().getResponse();
        return new Outcome(response.getStatus(), response.getContentAsString(), response.getHeader("Retry-After"));
    }

    static Map<String, Integer> stored(MockMvc from, String tps) throws Exception {
        MockHttpServletResponse response = from.perform(get("/api/recap/tps/" + tps + "/ballots/PPWP")
                .with(Tokens.kpps(tps))).andReturn().getResponse();
        assertThat(response.getStatus()).as("reading TPS " + tps).isEqualTo(200);
        Map<String, Integer> values = new TreeMap<>();
        for (JsonNode v : JSON.readTree(response.getContentAsString()).path("values")) {
            if (v.path("value").asInt() != 0) {
                values.put(v.path("key").asString(), v.path("value").asInt());
            }
        }
        return values;
    }

    static Map<String, Integer> nonZero(Map<String, Integer> form) {
        Map<String, Integer> values = new TreeMap<>(form);
        values.values().removeIf(v -> v == 0);
        return values;
    }

    @Test
    void writesDuringTheFaultAre503AndEverythingAcknowledgedSurvivesARestart() throws Exception {
        ConfigurableApplicationContext context = start();
        MockMvc mvc = mvcOf(context);
        TpsRegistry registry = context.getBean(TpsRegistry.class);
        space = context.getBean(StoreSpace.class);
        List<String> tpsCodes = List.of(DESA + ".001", DESA + ".002", DESA + ".003", DESA + ".004");
        Map<String, Map<String, Integer>> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Integer>> inFlight = new ConcurrentHashMap<>();
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger refusedDuringFault = new AtomicInteger();
        List<String> wrong = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Path file = DATA.resolve("recap-service.mv");
        assertThat(file).exists();

        Thread stream = new Thread(() -> {
            try {
                for (int round = 0; !stop.get(); round++) {
                    for (String tps : tpsCodes) {
                        Station s = registry.find(new TpsCode(tps)).orElseThrow();
                        Map<String, Integer> form = Forms.consistent(s.dptMen(), s.dptWomen(), 1 + round % 3,
                                20 + round, 30, 40);
                        String key = "disk-" + tps + "-" + round;
                        inFlight.put(tps, nonZero(form));
                        while (true) { // like a phone: the same submission again until it is acknowledged
                            Outcome answer = confirm(mvc, tps, form, key);
                            if (answer.status() == 200) {
                                acknowledged.put(tps, nonZero(form));
                                acks.incrementAndGet();
                                break;
                            }
                            if (answer.status() != 503 || !"30".equals(answer.retryAfter())
                                    || !answer.body().contains("Penyimpanan tidak tersedia")) {
                                wrong.add(answer.status() + " " + answer.retryAfter() + " " + answer.body());
                                return;
                            }
                            refusedDuringFault.incrementAndGet();
                            Thread.sleep(100);
                        }
                    }
                }
            } catch (Exception e) {
                wrong.add(e.toString());
            }
        });
        stream.setDaemon(true);
        stream.start();
        awaitAcks(acks, 8);
        DiskFaults.lock(file);
        int acksAtFault;
        try {
            awaitRefusal(true);
            // one client sends one submission at a time: after its first refusal, any acknowledgement would be one
            // given while the store cannot write
            await(refusedDuringFault, 1, wrong);
            acksAtFault = acks.get();
            await(refusedDuringFault, 5, wrong);
            assertThat(acks.get()).as("nothing acknowledged while the store cannot write").isEqualTo(acksAtFault);
            for (String tps : tpsCodes) {
                // the one submission that was already running when the disk failed wrote its numbers in memory and
                // was answered 503 at its commit; they are kept (written once the disk is back) and its retry with
                // the same Idempotency-Key is acknowledged with them: never numbers nobody sent
                assertThat(stored(mvc, tps)).as("reads go on during the fault")
                        .isIn(acknowledged.get(tps), inFlight.get(tps));
            }
        } finally {
            DiskFaults.unlock(file);
        }
        awaitRefusal(false);
        awaitAcks(acks, acksAtFault + 8);
        stop.set(true);
        stream.join(60_000);
        assertThat(wrong).as("answers other than 200 or a 503 problem with Retry-After").isEmpty();
        for (String tps : tpsCodes) {
            assertThat(stored(mvc, tps)).as("TPS " + tps + " holds its last acknowledged numbers")
                    .isEqualTo(acknowledged.get(tps));
        }
        // the desa's total is the sum of those numbers without waiting for a recovery scan (every 5 minutes): also a
        // submission whose commit failed at the fault and whose retry was then answered from the store is counted
        Map<String, Integer> truth = new TreeMap<>();
        acknowledged.values().forEach(form -> form.forEach((k, v) -> truth.merge(k, v, Integer::sum)));
        Map<String, Integer> total = Map.of();
        for (long deadline = System.currentTimeMillis() + 15_000; System.currentTimeMillis() < deadline; ) {
            MockHttpServletResponse totals = mvc.perform(get("/api/recap/public/totals?region=" + DESA
                    + "&ballotType=PPWP")).andReturn().getResponse();
            total = new TreeMap<>();
            for (JsonNode v : JSON.readTree(totals.getContentAsString()).path("counted").path("values")) {
                if (v.path("value").asInt() != 0) {
                    total.put(v.path("key").asString(), v.path("value").asInt());
                }
            }
            if (total.equals(truth)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(total).as("desa " + DESA + " total equals its TPS' last acknowledged numbers").isEqualTo(truth);

        context.close(); // a restart: the store file is closed, then opened again by a new instance of the service
        try (ConfigurableApplicationContext restarted = start()) {
            MockMvc again = mvcOf(restarted);
            for (String tps : tpsCodes) {
                assertThat(stored(again, tps)).as("after the restart TPS " + tps + " holds its last acknowledged "
                        + "numbers").isEqualTo(acknowledged.get(tps));
            }
        }
        System.out.printf("Disk fault: %d confirmations acknowledged (%d before the fault), %d refused with 503 "
                + "during it, all kept after a restart%n", acks.get(), acksAtFault, refusedDuringFault.get());
    }

    void awaitRefusal(boolean refused) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while ((space.refusal() != null) != refused && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(space.refusal() != null).as("store refuses writes").isEqualTo(refused);
    }

    static void await(AtomicInteger count, int target, List<String> wrong) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (count.get() < target && wrong.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.get()).as("submissions refused during the fault " + wrong).isGreaterThanOrEqualTo(target);
    }

    static void awaitAcks(AtomicInteger acks, int target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (acks.get() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(acks.get()).as("acknowledged confirmations").isGreaterThanOrEqualTo(target);
    }

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("recap-disk-fault");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
