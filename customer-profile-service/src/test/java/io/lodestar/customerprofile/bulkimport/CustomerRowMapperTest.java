package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.Gender;
import io.lodestar.contracts.customer.MemberTier;

class CustomerRowMapperTest {

    static final String HEADER = "id,sex,born,age,city,tier,level,joined,via,phone,mail";
    static final ColumnMapping MAPPING = new ColumnMapping(ImportKind.CUSTOMERS, Map.ofEntries(
            Map.entry("customerId", "id"), Map.entry("gender", "sex"), Map.entry("birthDate", "born"),
            Map.entry("age", "age"), Map.entry("city", "city"), Map.entry("cityTier", "tier"),
            Map.entry("memberTier", "level"), Map.entry("registeredAt", "joined"),
            Map.entry("registrationChannel", "via"), Map.entry("phone", "phone"), Map.entry("email", "mail")));
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final CustomerRowMapper mapper = new CustomerRowMapper(MAPPING, List.of(HEADER.split(",")), AS_OF);

    @Test
    void mapsEveryField() {
        CustomerRecord c = accepted("c-1,Female,,34,Hangzhou,new-tier-1,GOLD,2025-01-02T03:04:05Z,app,"
                + "+8613800000000,a@b.cn");

        assertThat(c.customerId()).isEqualTo("c-1");
        assertThat(c.gender()).isEqualTo(Gender.FEMALE);
        assertThat(c.age()).isEqualTo(34);
        assertThat(c.ageImputed()).isFalse();
        assertThat(c.city()).isEqualTo("Hangzhou");
        assertThat(c.cityTier()).isEqualTo(CityTier.NEW_TIER_1);
        assertThat(c.memberTier()).isEqualTo(MemberTier.GOLD);
        assertThat(c.registeredAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(c.registrationChannel()).isEqualTo(Channel.APP);
        assertThat(c.phone()).isEqualTo("+8613800000000");
        assertThat(c.toString()).doesNotContain("8613800000000", "a@b.cn");
    }

    @Test
    void birthDateWinsOverAge() {
        CustomerRecord c = accepted("c-2,,1990-07-01,20,,,,,,,");

        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1990, 7, 1));
        assertThat(c.age()).isEqualTo(35);
    }

    @Test
    void badCellsAreReasonsAndPersonalDataIsNotRepeated() {
        String longPhone = "1".repeat(200);
        assertThat(OrderLineMapperTest.rejected(mapper,
                ",robot,2030-01-01,-1,,tier-9,,yesterday,fax," + longPhone + ",")).containsExactly(
                new Reason("customerId", "column 'id' is required but blank"),
                new Reason("gender", "column 'sex' value \"robot\" is not one of [female, male, unknown]"),
                new Reason("birthDate", "column 'born' value \"2030-01-01\" is after the import date 2026-06-30"),
                new Reason("age", "column 'age' value \"-1\" is not between 0 and 150"),
                new Reason("cityTier",
                        "column 'tier' value \"tier-9\" is not one of [tier-1, new-tier-1, tier-2, tier-3-and-below]"),
                new Reason("registeredAt", "column 'joined' value \"yesterday\" is not a date-time in the expected format"),
                new Reason("registrationChannel", "column 'via' value \"fax\" is not one of "
                        + "[app, mini_program, h5, web, live_stream, community, offline]"),
                new Reason("phone", "column 'phone' value \"***\" is longer than 128 characters"));
        assertThat(OrderLineMapperTest.rejected(mapper, "c-3,,,thirty,,,,,,,"))
                .containsExactly(new Reason("age", "column 'age' value \"thirty\" is not a whole number"));
    }

    private CustomerRecord accepted(String csvLine) {
        Mapped<CustomerRecord> mapped = mapper.map(new CsvRecordReader(CsvFiles.utf8("h\n" + csvLine)).next());
        assertThat(mapped).isInstanceOf(Mapped.Accepted.class);
        return ((Mapped.Accepted<CustomerRecord>) mapped).record();
    }
}
