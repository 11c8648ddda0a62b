package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training step and the batched logits both trainers (digits, struck boxes) share. */
class TrainStepTest {

    @Test
    void stepsLowerTheLossAndLogitsComeOnePerInputWithTheNetworksOutputs() {
        int side = DigitNormalizer.SIDE * DigitNormalizer.SIDE;
        Random random = new Random(7);
        // two easy classes: a blank box (0) and a box with a bright square in its middle (1)
        int batch = 16;
        float[] x = new float[batch * side];
        float[] y = new float[batch];
        for (int b = 0; b < batch; b++) {
            y[b] = b % 2;
            for (int i = 0; i < side; i++) {
                int row = i / DigitNormalizer.SIDE;
                int col = i % DigitNormalizer.SIDE;
                boolean square = row > 8 && row < 20 && col > 8 && col < 20;
                x[b * side + i] = (b % 2 == 1 && square ? 1f : 0f) + 0.05f * random.nextFloat();
            }
        }
        try (Model model = Model.newInstance("step", "PyTorch")) {
            model.setBlock(DigitNetwork.create(2));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(DigitNetwork.INPUT);
                float first = DigitTrainer.trainStep(trainer, x, y);
                float last = first;
                for (int i = 0; i < 15; i++) {
                    last = DigitTrainer.trainStep(trainer, x, y);
                }
                assertThat(last).as("loss after 16 steps on the same batch").isLessThan(first);

                float[][] inputs = new float[3][];
                inputs[0] = java.util.Arrays.copyOfRange(x, 0, side);
                inputs[1] = java.util.Arrays.copyOfRange(x, side, 2 * side);
                float[][] logits = DigitTrainer.logits(model.getNDManager(), trainer, inputs, 2);
                assertThat(logits).hasNumberOfRows(3);
                assertThat(logits[0]).hasSize(2);
                assertThat(logits[0][0] - logits[0][1]).as("blank box leans to class 0").isPositive();
                assertThat(logits[1][1] - logits[1][0]).as("square box leans to class 1").isPositive();
            }
        }
    }
}
