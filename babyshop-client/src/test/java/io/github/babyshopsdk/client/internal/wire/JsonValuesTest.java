package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.jsonQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The single-value rules every response field is read with. */
class JsonValuesTest {

    private static JsonNode value(String singleQuotedJson) {
        return jsonQ("{'v':" + singleQuotedJson + "}").get("v");
    }

    @Test
    void textKeepsStringsRaw() {
        assertThat(JsonValues.text("f", value("' a b '"))).contains(" a b ");
        assertThat(JsonValues.text("f", value("''"))).contains("");
    }

    @Test
    void textOfNumbersIsPlainWithoutExponentOrFakeFraction() {
        assertThat(JsonValues.text("f", value("100000019"))).contains("100000019");
        assertThat(JsonValues.text("f", value("12345678901234567890123"))).contains("12345678901234567890123");
        assertThat(JsonValues.text("f", value("1299.000"))).contains("1299.000");
        assertThat(JsonValues.text("f", value("1E+3"))).contains("1000");
        assertThat(JsonValues.text("f", JsonNodeFactory.instance.numberNode(1.5d))).contains("1.5");
    }

    @Test
    void textOfBooleansIsTheirName() {
        assertThat(JsonValues.text("f", value("true"))).contains("true");
    }

    @Test
    void textIsAbsentForNullAndMissing() {
        assertThat(JsonValues.text("f", value("null"))).isEmpty();
        assertThat(JsonValues.text("f", null)).isEmpty();
    }

    @Test
    void textRejectsContainers() {
        assertThatThrownBy(() -> JsonValues.text("f", value("[1]")))
                .isInstanceOf(WireFormatException.class).hasMessage("f: expected text, was an array");
    }

    @Test
    void decimalReadsStringsAndNumbersKeepingTheScale() {
        assertThat(JsonValues.decimal("f", value("'2.00'"))).contains(new BigDecimal("2.00"));
        assertThat(JsonValues.decimal("f", value("'2'"))).contains(new BigDecimal("2"));
        assertThat(JsonValues.decimal("f", value("350.000"))).contains(new BigDecimal("350.000"));
        assertThat(JsonValues.decimal("f", value("7"))).contains(new BigDecimal("7"));
        assertThat(JsonValues.decimal("f", value("'-1.5'"))).contains(new BigDecimal("-1.5"));
    }

    @Test
    void decimalIsAbsentForNullMissingEmptyAndBlank() {
        assertThat(JsonValues.decimal("f", null)).isEmpty();
        assertThat(JsonValues.decimal("f", value("null"))).isEmpty();
        assertThat(JsonValues.decimal("f", value("''"))).isEmpty();
        assertThat(JsonValues.decimal("f", value("'  '"))).isEmpty();
    }

    @Test
    void decimalRejectsNonNumericTextNamingFieldAndValue() {
        for (String bad : new String[] {"'abc'", "'NaN'", "'Infinity'", "'1,5'", "'0x10'", "'12 kg'"}) {
            assertThatThrownBy(() -> JsonValues.decimal("orderQty", value(bad)))
                    .as(bad)
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageStartingWith("orderQty: expected a number, was \"");
        }
        assertThatThrownBy(() -> JsonValues.decimal("orderQty", value("false")))
                .isInstanceOf(WireFormatException.class).hasMessage("orderQty: expected a number, was false");
        assertThatThrownBy(() -> JsonValues.decimal("f", JsonNodeFactory.instance.numberNode(Double.NaN)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("finite");
    }

    @Test
    void fieldLookupPrefersExactNameThenIgnoresCase() {
        JsonNode object = jsonQ("{'vendorSKUCode':'a','Sku':'b','sku':'c'}");

        assertThat(JsonValues.field(object, "vendorSkuCode").textValue()).isEqualTo("a");
        assertThat(JsonValues.field(object, "sku").textValue()).isEqualTo("c");
        assertThat(JsonValues.field(object, "SKU").textValue()).isEqualTo("b");
        assertThat(JsonValues.field(object, "missing")).isNull();
        assertThat(JsonValues.field(value("'x'"), "sku")).isNull();
    }

    @Test
    void elementsAcceptArraysSingleObjectsAndAbsence() {
        assertThat(JsonValues.elements("l", value("[1,{}]"))).hasSize(2);
        assertThat(JsonValues.elements("l", value("{'a':1}"))).hasSize(1);
        assertThat(JsonValues.elements("l", value("null"))).isEmpty();
        assertThat(JsonValues.elements("l", null)).isEmpty();
        assertThat(JsonValues.elements("l", value("' '"))).isEmpty();
        assertThatThrownBy(() -> JsonValues.elements("l", value("true")))
                .isInstanceOf(WireFormatException.class).hasMessage("l: expected a list, was true");
    }
}
