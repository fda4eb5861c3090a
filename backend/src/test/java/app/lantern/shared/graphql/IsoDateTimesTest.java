package app.lantern.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTimesTest {

    @Test
    void readsEveryInstantOfTheCommonShapeAsTheGeneralParserDoes() {
        SplittableRandom random = new SplittableRandom(2960);
        DateTimeFormatter[] shapes = {
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SXXX"),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME};
        for (int i = 0; i < 20_000; i++) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 4, 18 * 4 + 1) * 15 * 60);
            OffsetDateTime time = OffsetDateTime.of(random.nextInt(1900, 2200), random.nextInt(1, 13), random.nextInt(1, 29),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000), offset);
            String text = time.format(shapes[random.nextInt(shapes.length)]);
            assertThat(IsoDateTimes.parseCommonShape(text)).as(text).isNotNull().isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-12-08T09:30:00+07:00", "2023-12-08T02:30:00Z", "2024-02-29T23:59:59.5-00:00", "2023-12-08T09:30:00.123456789+14:00"})
    void theCommonShapeIsReadWithoutTheGeneralParser(String text) {
        assertThat(IsoDateTimes.parseCommonShape(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-12-08t09:30:00+07:00", "2023-12-08T09:30+07:00", "2023-12-08T09:30:00.+07:00", "2023-12-08T09:30:00z"})
    void otherIsoShapesAreLeftToTheGeneralParser(String text) {
        assertThat(IsoDateTimes.parseCommonShape(text)).isNull();
        assertThat(IsoDateTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30T09:30:00+07:00", "2023-12-08T24:00:00+07:00", "2023-12-08T09:60:00Z", "2023-13-08T09:30:00Z",
            "2023-12-08T09:30:00+18:30", "2023-12-08T09:30:00+07:60", "2023-12-08T09:30:00+0700", "2023-12-08T09:30:00.1234567890Z",
            "2023-12-08T09:30:00", "2023-12-08 09:30:00+07:00", "２０２３-12-08T09:30:00Z", "2023-12-08T09:30:00+07:00 ", ""})
    void anythingElseIsRefusedAsTheGeneralParserRefusesIt(String text) {
        assertThat(IsoDateTimes.parseCommonShape(text)).isNull();
        assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
