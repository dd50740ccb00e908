package org.openmiles.common.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@link JsonRequest} record from the body with {@link JsonRecords}, whatever the declared
 * media type (the API always took its bodies as JSON text); field errors answer {@code 400
 * VALIDATION_FAILED} before the resource method runs. It names {@code application/json} as well as
 * any type so that it, not the container's general JSON-B reader, binds these records.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonRequestReader implements MessageBodyReader<JsonRequest> {

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord() && JsonRequest.class.isAssignableFrom(type);
  }

  @Override
  public JsonRequest readFrom(
      Class<JsonRequest> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    String text = new String(entityStream.readAllBytes(), charset(mediaType));
    return JsonRecords.read(text, type);
  }

  private static java.nio.charset.Charset charset(MediaType type) {
    String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
  }
}
