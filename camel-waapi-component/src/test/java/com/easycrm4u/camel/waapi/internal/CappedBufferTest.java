package com.easycrm4u.camel.waapi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one capped buffer of the response bodies and the webhook's request body, at its edges: what it keeps, what it
 * reports, and how much memory it holds for what arrived.
 */
class CappedBufferTest {

    private static final int NONE = -1;

    @Test
    void emptyBodyIsAnEmptyArrayAndHoldsNothing() {
        CappedBuffer buffer = new CappedBuffer(16, NONE);

        assertThat(buffer.add(ByteBuffer.allocate(0))).isTrue();

        assertThat(buffer.toByteArray()).isEmpty();
        assertThat(buffer.size()).isZero();
        assertThat(buffer.capacity()).isZero();
    }

    @Test
    void bodyOfExactlyTheCapIsKeptWhole() {
        CappedBuffer buffer = new CappedBuffer(8, NONE);

        assertThat(buffer.fits(8)).isTrue();
        assertThat(buffer.add(chunk("abcd"))).isTrue();
        assertThat(buffer.add(chunk("efgh"))).isTrue();

        assertThat(new String(buffer.toByteArray())).isEqualTo("abcdefgh");
        assertThat(buffer.capacity()).isEqualTo(8);
        assertThat(buffer.fits(0)).isTrue();
        assertThat(buffer.fits(1)).isFalse();
    }

    @Test
    void oneByteOverTheCapKeepsTheCapAndSaysSo() {
        CappedBuffer buffer = new CappedBuffer(8, NONE);

        assertThat(buffer.fits(9)).isFalse();
        assertThat(buffer.add(chunk("abcdefghi"))).isFalse();

        assertThat(new String(buffer.toByteArray())).isEqualTo("abcdefgh");
        assertThat(buffer.capacity()).isEqualTo(8);
    }

    @Test
    void aChunkThatCrossesTheCapKeepsOnlyItsStart() {
        CappedBuffer buffer = new CappedBuffer(6, NONE);

        assertThat(buffer.add(chunk("abcd"))).isTrue();
        assertThat(buffer.fits(2)).isTrue();
        assertThat(buffer.fits(3)).isFalse();
        assertThat(buffer.add(chunk("efg"))).isFalse();

        assertThat(new String(buffer.toByteArray())).isEqualTo("abcdef");
        assertThat(buffer.add(chunk("h"))).isFalse();
        assertThat(buffer.size()).isEqualTo(6);
    }

    @Test
    void manySmallChunksArriveInOrderAndTheArrayGrowsByDoubling() {
        CappedBuffer buffer = new CappedBuffer(1000, NONE);
        StringBuilder sent = new StringBuilder();
        List<Integer> capacities = new ArrayList<>();

        for (int i = 0; i < 100; i++) {
            String piece = Integer.toString(i % 10);
            assertThat(buffer.add(chunk(piece))).isTrue();
            sent.append(piece);
            if (capacities.isEmpty() || capacities.get(capacities.size() - 1) != buffer.capacity()) {
                capacities.add(buffer.capacity());
            }
            assertThat(buffer.capacity()).isLessThanOrEqualTo(2 * buffer.size());
        }

        assertThat(new String(buffer.toByteArray())).isEqualTo(sent.toString());
        assertThat(capacities).containsExactly(1, 2, 4, 8, 16, 32, 64, 128);
    }

    @Test
    void doublingStopsAtTheCap() {
        CappedBuffer buffer = new CappedBuffer(100, NONE);

        buffer.add(chunk("x".repeat(60)));
        assertThat(buffer.growthFor(10)).as("doubling 60 would pass the cap of 100").isEqualTo(40);
        buffer.add(chunk("x".repeat(10)));

        assertThat(buffer.capacity()).isEqualTo(100);
        assertThat(buffer.growthFor(30)).isZero();
        assertThat(buffer.growthFor(31)).as("what is past the cap is not kept").isZero();
    }

    @Test
    void aHugeDeclaredLengthAllocatesNothingBeforeItsBytesCome() {
        CappedBuffer buffer = new CappedBuffer(Integer.MAX_VALUE - 9, Integer.MAX_VALUE - 9L);

        assertThat(buffer.capacity()).isZero();
        assertThat(buffer.growthFor(3)).isEqualTo(3);
        buffer.add(chunk("abc"));
        buffer.add(chunk("de"));

        assertThat(buffer.capacity()).isEqualTo(6);
        assertThat(new String(buffer.toByteArray())).isEqualTo("abcde");
    }

    @Test
    void aDeclaredLengthWithinTheDoublingIsTheArraysLength() {
        CappedBuffer buffer = new CappedBuffer(1000, 10);

        buffer.add(chunk("abcdef"));
        assertThat(buffer.growthFor(2)).as("grows to the declared 10, not to 12").isEqualTo(4);
        buffer.add(chunk("gh"));
        buffer.add(chunk("ij"));

        assertThat(buffer.capacity()).isEqualTo(10);
        assertThat(buffer.toByteArray()).as("the full array, not a copy").hasSize(10);
    }

    @Test
    void aBodyThatEndsExactlyAtItsDeclaredLengthFillsTheArrayExactly() {
        CappedBuffer buffer = new CappedBuffer(1000, 8);

        buffer.add(chunk("abcdef"));
        buffer.add(chunk("gh"));

        assertThat(buffer.capacity()).isEqualTo(8);
    }

    @Test
    void whatFitsInTheArrayCopiesNothing() {
        CappedBuffer buffer = new CappedBuffer(100, NONE);
        buffer.add(chunk("abcd"));
        byte[] whole = buffer.toByteArray();

        assertThat(buffer.growthFor(0)).isZero();
        buffer.add(chunk(""));

        assertThat(buffer.capacity()).isEqualTo(4);
        assertThat(buffer.toByteArray()).isSameAs(whole);
    }

    @Test
    void aChunkPastAFullBufferCopiesNothing() {
        CappedBuffer buffer = new CappedBuffer(4, NONE);
        buffer.add(chunk("abcd"));
        byte[] whole = buffer.toByteArray();

        assertThat(buffer.add(chunk("e"))).isFalse();

        assertThat(buffer.toByteArray()).isSameAs(whole);
    }

    @Test
    void aDeclaredLengthTheBytesOutgrowIsNoLongerACeiling() {
        CappedBuffer buffer = new CappedBuffer(1000, 4);

        buffer.add(chunk("abcd"));
        buffer.add(chunk("e"));

        assertThat(buffer.capacity()).isEqualTo(8);
        assertThat(new String(buffer.toByteArray())).isEqualTo("abcde");
    }

    @Test
    void theFullArrayIsHandedOverWithoutACopyAndAPartlyFilledOneTrimmed() {
        CappedBuffer full = new CappedBuffer(4, NONE);
        full.add(chunk("abcd"));
        assertThat(full.toByteArray()).isSameAs(full.toByteArray());

        CappedBuffer partly = new CappedBuffer(100, NONE);
        partly.add(chunk("abc"));
        partly.add(chunk("d"));
        assertThat(partly.capacity()).isEqualTo(6);
        assertThat(partly.toByteArray()).hasSize(4).isNotSameAs(partly.toByteArray());
    }

    @Test
    void aChunkIsCopiedFromItsStartToTheEndOfWhatIsKept() {
        CappedBuffer buffer = new CappedBuffer(5, NONE);
        List<String> copies = new ArrayList<>();

        buffer.add(3, (target, offset, length) -> copies.add(offset + "+" + length));
        buffer.add(3, (target, offset, length) -> copies.add(offset + "+" + length));

        assertThat(copies).containsExactly("0+3", "3+2");
        assertThat(buffer.size()).isEqualTo(5);
    }

    @Test
    void aZeroCapKeepsNothing() {
        CappedBuffer buffer = new CappedBuffer(0, NONE);

        assertThat(buffer.add(chunk(""))).isTrue();
        assertThat(buffer.add(chunk("a"))).isFalse();
        assertThat(buffer.toByteArray()).isEmpty();
    }

    @Test
    void aNegativeCapIsRefused() {
        assertThatThrownBy(() -> new CappedBuffer(-1, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap must not be negative: -1");
    }

    private static ByteBuffer chunk(String text) {
        return ByteBuffer.wrap(text.getBytes());
    }
}
