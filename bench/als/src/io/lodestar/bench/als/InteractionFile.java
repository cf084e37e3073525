package io.lodestar.bench.als;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one data set both sides of the ALS benchmark read: training cells (customer, item, weight) and the held-out
 * (customer, item) pairs, customers and items as dense indices. Written once by {@link MakeInteractions}; a plain
 * binary file (big-endian ints and floats) so neither side parses text inside the timed part or outside it.
 */
final class InteractionFile {

    private static final int MAGIC = 0x414c5331; // "ALS1"

    final int customers;
    final int items;
    final int[] trainCustomer;
    final int[] trainItem;
    final float[] trainWeight;
    final int[] testCustomer;
    final int[] testItem;

    InteractionFile(int customers, int items, int[] trainCustomer, int[] trainItem, float[] trainWeight,
            int[] testCustomer, int[] testItem) {
        this.customers = customers;
        this.items = items;
        this.trainCustomer = trainCustomer;
        this.trainItem = trainItem;
        this.trainWeight = trainWeight;
        this.testCustomer = testCustomer;
        this.testItem = testItem;
    }

    void write(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path partial = path.resolveSibling(path.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(MAGIC);
            out.writeInt(customers);
            out.writeInt(items);
            out.writeInt(trainCustomer.length);
            for (int k = 0; k < trainCustomer.length; k++) {
                out.writeInt(trainCustomer[k]);
                out.writeInt(trainItem[k]);
                out.writeFloat(trainWeight[k]);
            }
            out.writeInt(testCustomer.length);
            for (int k = 0; k < testCustomer.length; k++) {
                out.writeInt(testCustomer[k]);
                out.writeInt(testItem[k]);
            }
        }
        // Renamed only when complete, so an interrupted run never leaves a half file that the next run would trust.
        Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static InteractionFile read(Path path) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 20))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(path + " is not an ALS benchmark file");
            }
            int customers = in.readInt();
            int items = in.readInt();
            int train = in.readInt();
            int[] trainCustomer = new int[train];
            int[] trainItem = new int[train];
            float[] trainWeight = new float[train];
            for (int k = 0; k < train; k++) {
                trainCustomer[k] = in.readInt();
                trainItem[k] = in.readInt();
                trainWeight[k] = in.readFloat();
            }
            int test = in.readInt();
            int[] testCustomer = new int[test];
            int[] testItem = new int[test];
            for (int k = 0; k < test; k++) {
                testCustomer[k] = in.readInt();
                testItem[k] = in.readInt();
            }
            return new InteractionFile(customers, items, trainCustomer, trainItem, trainWeight, testCustomer,
                    testItem);
        }
    }

    int positiveTrainCells() {
        int count = 0;
        for (float w : trainWeight) {
            if (w > 0) {
                count++;
            }
        }
        return count;
    }
}
