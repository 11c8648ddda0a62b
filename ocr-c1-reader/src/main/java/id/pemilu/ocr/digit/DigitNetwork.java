package id.pemilu.ocr.digit;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * A small VGG-style convolutional network for 28x28 digits: two blocks of two 3x3 convolutions (32-32, then 64-64),
 * each followed by batch normalisation and ReLU, a 2x2 max-pool after each block, dense 256 with dropout, 10 outputs
 * (about 330,000 parameters, ~1.3 MB).
 */
public final class DigitNetwork {

    public static final Shape INPUT = new Shape(1, 1, DigitNormalizer.SIDE, DigitNormalizer.SIDE);

    private DigitNetwork() {
    }

    public static SequentialBlock create() {
        return create(10);
    }

    /** The same layers with another number of outputs (2 for {@link StruckDetector}). */
    static SequentialBlock create(int outputs) {
        SequentialBlock block = new SequentialBlock();
        convolution(block, 32);   // 28 -> 26
        convolution(block, 32);   // 26 -> 24
        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));   // 12
        convolution(block, 64);   // 12 -> 10
        convolution(block, 64);   // 10 -> 8
        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));   // 4 x 4 x 64
        return block
                .add(Dropout.builder().optRate(0.1f).build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.4f).build())
                .add(Linear.builder().setUnits(outputs).build());
    }

    private static void convolution(SequentialBlock block, int filters) {
        block.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
    }
}
