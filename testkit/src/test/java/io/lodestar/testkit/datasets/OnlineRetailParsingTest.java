package io.lodestar.testkit.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class OnlineRetailParsingTest {

    @Test
    void parsesQuotedDescriptionsWithCommasAndKeepsTrailingSpaces() {
        OnlineRetailRow row = OnlineRetailDataset.parse(
                "536394,21506,\"FANCY FONT BIRTHDAY CARD, \",24,2010-12-01 10:39:00,0.42,13408,United Kingdom");
        assertThat(row.description()).isEqualTo("FANCY FONT BIRTHDAY CARD, ");
        assertThat(row.quantity()).isEqualTo(24);
        assertThat(row.invoiceDate()).isEqualTo(LocalDateTime.of(2010, 12, 1, 10, 39));
        assertThat(row.lineAmount()).isEqualByComparingTo("10.08");
        assertThat(row.isCleanSale()).isTrue();
    }

    @Test
    void aCancellationWithoutCustomerIsNeitherACleanSaleNorAttributed() {
        OnlineRetailRow row = OnlineRetailDataset.parse(
                "C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,,United Kingdom");
        assertThat(row.customerId()).isNull();
        assertThat(row.isCancellation()).isTrue();
        assertThat(row.isCleanSale()).isFalse();
    }

    @Test
    void doubledQuotesAreAnEscapedQuote() {
        assertThat(OnlineRetailDataset.splitCsv("a,\"say \"\"hi\"\"\",c")).containsExactly("a", "say \"hi\"", "c");
    }

    @Test
    void aLineWithTheWrongFieldCountIsRejected() {
        assertThatThrownBy(() -> OnlineRetailDataset.parse("1,2,3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 8 fields");
    }
}
