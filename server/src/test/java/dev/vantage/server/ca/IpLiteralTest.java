package dev.vantage.server.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpLiteralTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            192.0.2.1             | 192.0.2.1
            255.255.255.255       | 255.255.255.255
            2001:db8::1           | 2001:db8:0:0:0:0:0:1
            2001:DB8:0:0::1       | 2001:db8:0:0:0:0:0:1
            ::1                   | 0:0:0:0:0:0:0:1
            256.0.0.1             | none
            10.1                  | none
            010.0.0.1             | none
            localhost             | none
            example.test          | none
            2001:db8::1%eth0      | none
            2001:db8:::1          | none
            ''                    | none
            """)
    void readsOnlyStrictLiteralsAndNeverResolvesNames(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), IpLiteral.parse(text).map(address -> address.getHostAddress()));
    }
}
