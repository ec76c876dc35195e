package com.dbay.platform.starter.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL character ({@code \u0000}) in any JSON text value. No store of ours can keep one
 * (PostgreSQL refuses it in text, which surfaced as a misleading 409), and no user means one, so it
 * is a 400 validation problem naming the field, before anything is written.
 */
public class NoNulTextModule extends SimpleModule {

  public NoNulTextModule() {
    super("dbay-no-nul-text");
    setDeserializerModifier(
        new ValueDeserializerModifier() {
          @Override
          public ValueDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription.Supplier description,
              ValueDeserializer<?> deserializer) {
            return description.getBeanClass() == String.class
                ? new NoNul(deserializer)
                : deserializer;
          }
        });
  }

  static final class NoNul extends ValueDeserializer<String> {
    private final ValueDeserializer<?> delegate;

    NoNul(ValueDeserializer<?> delegate) {
      this.delegate = delegate;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      Object value = delegate.deserialize(parser, context);
      String text = (String) value;
      if (text != null && text.indexOf('\u0000') >= 0) {
        throw InvalidFormatException.from(
            parser, "must not contain a NUL character", text, String.class);
      }
      return text;
    }
  }
}
