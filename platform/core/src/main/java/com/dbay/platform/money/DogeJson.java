package com.dbay.platform.money;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The JSON form of {@link Doge}: a string with exactly 8 places on output. On input only a JSON
 * string is accepted: a JSON number has already been through a double in many clients (and in
 * JavaScript always), so {@code 0.1} might not be what the user typed. Negative amounts are refused
 * on input; a field that may be negative is not something a client sends.
 */
public final class DogeJson {

  private DogeJson() {}

  public static final class Serializer extends ValueSerializer<Doge> {
    @Override
    public void serialize(Doge value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(value.toString());
    }
  }

  public static final class Deserializer extends ValueDeserializer<Doge> {
    @Override
    public Doge deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.reportInputMismatch(
            Doge.class, "amount must be a JSON string with up to 8 decimal places, like \"12.5\"");
      }
      String text = p.getString();
      try {
        return Doge.parse(text);
      } catch (InvalidAmountException e) {
        // Our message alone (no Java type names): it reaches the client as the field's error.
        throw InvalidFormatException.from(p, e.getMessage(), text, Doge.class);
      }
    }
  }
}
