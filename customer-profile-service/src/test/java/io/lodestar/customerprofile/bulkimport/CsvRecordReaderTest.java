package io.lodestar.customerprofile.bulkimport;

import static io.lodestar.customerprofile.bulkimport.CsvFiles.bytes;
import static io.lodestar.customerprofile.bulkimport.CsvFiles.readAll;
import static io.lodestar.customerprofile.bulkimport.CsvFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    @Test
    void readsHeaderAndRowsWithTheirLines() {
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b,c\n1,2,3\n4,,6\n"));

        assertThat(reader.headers()).containsExactly("a", "b", "c");
        assertThat(readAll(reader)).containsExactly(
                new CsvRow(2, List.of("1", "2", "3")),
                new CsvRow(3, List.of("4", "", "6")));
    }

    @Test
    void quotedFieldsHoldCommasNewlinesAndDoubledQuotes() {
        CsvRecordReader reader = new CsvRecordReader(utf8(
                "id,text\r\n1,\"a, b\"\r\n2,\"two\r\nlines\"\r\n3,\"say \"\"hi\"\"\"\r\n4,\"\"\r\n"));

        assertThat(readAll(reader)).containsExactly(
                new CsvRow(2, List.of("1", "a, b")),
                new CsvRow(3, List.of("2", "two\r\nlines")),
                new CsvRow(5, List.of("3", "say \"hi\"")),
                new CsvRow(6, List.of("4", "")));
    }

    @Test
    void lastRowWithoutLineBreakBlankLinesAndLoneCr() {
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b\r1,2\n\n\r\n3,4"));

        assertThat(readAll(reader)).containsExactly(
                new CsvRow(2, List.of("1", "2")),
                new CsvRow(5, List.of("3", "4")));
    }

    @Test
    void stripsUtf8ByteOrderMarkAndKeepsNonAscii() {
        CsvRecordReader reader = new CsvRecordReader(utf8("\uFEFFcity,name\n上海,Zoë\n"));

        assertThat(reader.headers()).containsExactly("city", "name");
        assertThat(readAll(reader)).containsExactly(new CsvRow(2, List.of("上海", "Zoë")));
    }

    @Test
    void emptyFileHasNoHeader() {
        assertThatThrownBy(() -> new CsvRecordReader(utf8("")))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("header row is required");
                });
        assertThatThrownBy(() -> new CsvRecordReader(utf8("\uFEFF\n\n")))
                .isInstanceOf(ImportFormatException.class);
    }

    @Test
    void headerOnlyFileHasNoRows() {
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b\n"));

        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void invalidUtf8FailsNamingTheLine() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("a,b\n1,ok\n2,ok\n3,".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        file.writeBytes("\n4,ok\n".getBytes(StandardCharsets.UTF_8));
        CsvRecordReader reader = new CsvRecordReader(bytes(file.toByteArray()));

        assertThat(reader.next().lineNumber()).isEqualTo(2);
        assertThat(reader.next().lineNumber()).isEqualTo(3);
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(ImportFormatException.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).contains("not valid UTF-8");
        });
    }

    @Test
    void latin1FileIsNotUtf8() {
        byte[] latin1 = "name\nZoë\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> readAll(new CsvRecordReader(bytes(latin1))))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void truncatedUtf8AtEndOfFileFails() {
        byte[] truncated = {'a', '\n', 'x', (byte) 0xE4, (byte) 0xB8};

        assertThatThrownBy(() -> readAll(new CsvRecordReader(bytes(truncated))))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void unbalancedQuoteAtEndOfFileFailsNamingWhereItOpened() {
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b\n1,2\n3,\"open\n4,5\n"));

        assertThat(reader.next().values()).containsExactly("1", "2");
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(ImportFormatException.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("never closed");
        });
    }

    @Test
    void overlongRecordFailsInsteadOfFillingMemory() {
        String huge = "a\n\"" + "x".repeat(5_000) + "\n";

        assertThatThrownBy(() -> readAll(new CsvRecordReader(utf8(huge), 1_000)))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("longer than 1000 characters");
                });
    }

    @Test
    void aTenThousandFieldRowIsReturnedForTheMapperToReject() {
        String wide = String.join(",", Collections.nCopies(10_000, "v"));
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b\n" + wide + "\n1,2\n"));

        List<CsvRow> rows = readAll(reader);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).hasSize(10_000);
        assertThat(rows.get(1)).isEqualTo(new CsvRow(3, List.of("1", "2")));
    }

    @Test
    void lenientAboutStrayQuotes() {
        CsvRecordReader reader = new CsvRecordReader(utf8("a,b\n5\" tall,\"x\"y\n"));

        assertThat(reader.next().values()).containsExactly("5\" tall", "xy");
    }

    @Test
    void readsAcrossBufferBoundaries() {
        StringBuilder file = new StringBuilder("n,text\n");
        for (int i = 0; i < 20_000; i++) {
            file.append(i).append(",\"é, ").append(i).append("\"\n");
        }
        List<CsvRow> rows = readAll(new CsvRecordReader(utf8(file.toString())));

        assertThat(rows).hasSize(20_000);
        assertThat(rows.get(19_999)).isEqualTo(new CsvRow(20_001, List.of("19999", "é, 19999")));
    }
}
